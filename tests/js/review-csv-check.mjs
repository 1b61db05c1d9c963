// What every CSV file of the final review must be for Excel to open it right, checked on the
// bytes a download saves (review.test.mjs in Chromium, engines.test.mjs in all three engines).
import assert from 'node:assert/strict';

/** The review's CSV headers, as a Vietnamese and an English Excel user reads them. */
export const HEADERS = {
  vi: ['Mã chỉ tiêu', 'Khoản', 'Chỉ tiêu', 'Cấp', 'Năm hạn', 'Năm của số liệu', 'Ngày cuối của cấp', 'Giá trị', 'Đơn vị tính', 'So sánh', 'Yêu cầu', 'Năm của mức sàn', 'Kết luận', 'Mã kết luận', 'Tổng số đơn vị', 'Đạt', 'Không đạt', 'Chưa báo cáo', 'Đã ngừng hoạt động', 'Chưa có số liệu', 'Quy tắc và đơn vị chưa đạt'],
  en: ['Indicator id', 'Clause', 'Target', 'Level', 'Deadline', 'Year of the figure', "Level's last day", 'Value', 'Unit of measure', 'Comparator', 'Requirement', 'Year of the floor', 'Verdict', 'Verdict code', 'Units', 'Met', 'Missed', 'Not reported', 'Discontinued', 'No data', 'Rule and who did not meet it'],
};

/**
 * RFC 4180, strictly: records end with CRLF, a quoted field doubles its quotes. Returns the
 * records with, for each field, its text and whether it was quoted; throws on anything else.
 */
export function parseCsv(text, delimiter = ',') {
  const records = [];
  let i = 0;
  while (i < text.length) {
    const record = [];
    for (;;) {
      let value = '';
      let quoted = false;
      if (text[i] === '"') {
        quoted = true;
        i += 1;
        for (;;) {
          if (i >= text.length) throw new Error('unterminated quote');
          if (text[i] === '"' && text[i + 1] === '"') {
            value += '"';
            i += 2;
          } else if (text[i] === '"') {
            i += 1;
            break;
          } else value += text[i++];
        }
      } else {
        while (i < text.length && text[i] !== delimiter && text[i] !== '\r' && text[i] !== '\n') {
          if (text[i] === '"') throw new Error(`a quote inside an unquoted field at ${i}`);
          value += text[i++];
        }
      }
      record.push({ value, quoted });
      if (text[i] === delimiter) {
        i += 1;
        continue;
      }
      if (text.startsWith('\r\n', i)) {
        i += 2;
        break;
      }
      throw new Error(`a record must end with CRLF (at ${i}: ${JSON.stringify(text.slice(i, i + 10))})`);
    }
    records.push(record);
  }
  return records;
}

/** The checks every review CSV must pass; returns the parsed records (header first). */
export function checkReviewCsv(bytes, locale) {
  assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'UTF-8 byte order mark first');
  const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(3));
  assert.doesNotMatch(text, /^sep=/i, 'no sep= line (it makes some Excel versions ignore the BOM)');
  assert.doesNotMatch(text, /[^\r]\n/, 'every line ends with CRLF');
  assert.ok(text.endsWith('\r\n'));
  const records = parseCsv(text, ',');
  assert.deepEqual(records[0].map((f) => f.value), HEADERS[locale]);
  const decimal = locale === 'en' ? '.' : ',';
  const NUMBER = new RegExp(`^-?\\d+(\\${decimal}\\d{1,2})?$`);
  const numeric = [4, 5, 7, 10, 11, 14, 15, 16, 17, 18, 19];
  for (const r of records.slice(1)) {
    assert.equal(r.length, HEADERS[locale].length, 'every record has every column');
    for (const k of numeric) {
      if (r[k].value === '') continue;
      assert.match(r[k].value, NUMBER, `column ${HEADERS[locale][k]}: a plain number (${r[k].value})`);
    }
    for (const [k, f] of r.entries()) {
      if (!numeric.includes(k) && f.value !== '') assert.ok(f.quoted, `text cell ${HEADERS[locale][k]} is quoted`);
      assert.doesNotMatch(f.value, /^[=+\-@\t\r]/, `cell ${HEADERS[locale][k]} cannot run as a formula: ${JSON.stringify(f.value)}`);
    }
  }
  return records;
}

