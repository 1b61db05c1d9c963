// `cchc-progress/xlsx`: Excel files in and out, loaded only by a page that is given one (the
// widgets import it on the click of an .xlsx download). No dependency: the zip is read with
// the platform's `DecompressionStream('deflate-raw')` and written stored.

export { readXlsx } from './read.js';
export { writeXlsx, sheetName, XLSX_TYPE } from './write.js';
