// Moved to the toolkit (renderer/src/ui); this path stays for screens not yet changed over.
export { TextField } from '../ui/TextField';
