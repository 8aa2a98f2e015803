import { speak } from '../../src/language/messages.js';

// Domain functions tested directly word their errors from the catalogue, as the command would
// in a shell with no Chinese locale.
await speak('en');
