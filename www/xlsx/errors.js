// The errors of reading an .xlsx: a `CchcError` shape (an `Error` with `code`, `path`,
// `messageVi`, `messageEn`, `errors`), as the engine throws.

const MESSAGES = {
  notZip: ['tệp không phải bảng tính .xlsx (có thể là tệp .xls cũ hoặc tệp khác): hãy lưu lại bằng Excel dưới dạng .xlsx', 'the file is not an .xlsx workbook (perhaps an old .xls, or another kind of file): save it again from Excel as .xlsx'],
  brokenZip: ['tệp .xlsx bị hỏng, không đọc được', 'the .xlsx file is broken and cannot be read'],
  oldXls: ['tệp là bảng tính .xls cũ (Excel 97–2003), không phải .xlsx: hãy mở bằng Excel và lưu lại dưới dạng .xlsx', 'the file is an old .xls workbook (Excel 97–2003), not .xlsx: open it in Excel and save it as .xlsx'],
  encrypted: ['tệp .xlsx được bảo vệ bằng mật khẩu (đã mã hóa), không đọc được: hãy mở bằng Excel, bỏ mật khẩu (Tệp › Thông tin › Bảo vệ sổ làm việc) rồi lưu lại', 'the .xlsx file is protected by a password (encrypted) and cannot be read: open it in Excel, remove the password (File › Info › Protect Workbook) and save it again'],
  noWorkbook: ['tệp .xlsx không có sổ làm việc (xl/workbook.xml)', 'the .xlsx file has no workbook (xl/workbook.xml)'],
  notBytes: ['cần nội dung tệp dạng ArrayBuffer, Uint8Array hoặc Blob', 'expected the file as an ArrayBuffer, a Uint8Array or a Blob'],
};

export function xlsxError(code, key) {
  const [vi, en] = MESSAGES[key];
  const err = new Error(en);
  err.name = 'CchcError';
  Object.assign(err, { code, path: '$', messageVi: vi, messageEn: en });
  err.errors = [{ code, path: '$', message: { vi, en } }];
  return err;
}
