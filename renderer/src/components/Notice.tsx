// Moved to the toolkit (renderer/src/ui) as StatusLine; this path stays for screens not yet changed over.
export { Notice } from '../ui/StatusLine';
