import type { Sheet } from '../cchc_progress.js';

/**
 * Reads an .xlsx (a dropped `File`, an `ArrayBuffer` or a `Uint8Array`) into the grid
 * `engine.evaluateSheet` reads: `{ sheets: [{ name, hidden, rows, merges }] }`. Throws a
 * `CchcError`: `XLSX_ENCRYPTED` (a password), `XLSX_INVALID` (not an .xlsx).
 */
export function readXlsx(file: Blob | ArrayBuffer | ArrayBufferView): Promise<{ sheets: Sheet[] }>;

/** The bytes of an .xlsx holding `sheets` (rows of strings, numbers, booleans, nulls). */
export function writeXlsx(sheets: { name?: string; rows: (string | number | boolean | null)[][] }[]): Uint8Array;

/** A sheet name Excel accepts. */
export function sheetName(name: string, i: number): string;

/** `application/vnd.openxmlformats-officedocument.spreadsheetml.sheet` */
export const XLSX_TYPE: string;
