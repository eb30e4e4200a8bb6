/**
 * Test servers and fault proxies bind to loopback only: they carry copies of patient records
 * (fixtures, but shaped like the real thing) and have test-grade authentication.
 */
export function isLoopbackHost(host: string): boolean {
  return host === '127.0.0.1' || host === '::1' || host === 'localhost' || /^127(\.\d{1,3}){3}$/.test(host);
}
