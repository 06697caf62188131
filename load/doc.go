// Package load writes the indicators of a batch of reports as an Excel
// workbook, as JSON Lines and as CSV.
//
// Every writer is a [Sink]: the batch calls Add once per input file, in
// input order, then Close. Writers are not safe for concurrent use; feed
// them from one goroutine.
//
// [JSONL] is the record contract: the fields of [transform.Indicator]
// under their JSON names, unset numbers as null. [CSV] has the same
// fields as columns ([Fields]). [Workbook] has four sheets, in this order:
//
//   - 指标 ([SheetIndicators]): one row per record, the fields under
//     Chinese headers ([Headers]), status and bound in Chinese, the year
//     as a number, rows to review shaded; past Excel's 1,048,576 rows it
//     continues on 指标2, 指标3 …
//   - 汇总 ([SheetSummary]): the reports compared, one row per indicator
//     and one column per report and status (see below).
//   - 表格 ([SheetTables]): every table of every input as cells, with its
//     caption, file and page.
//   - 文件 ([SheetFiles]): one row per input, converted or not, with its
//     status (ok, 部分读取, or why it failed).
//
// A [Part] is the share of a batch one shard of it converted: its
// records as JSON Lines, with lines for the rows of 文件 and the tables of
// 表格 between them (see [PartHeader]). A [PartReader] reads one back;
// the parts of all shards, given to the writers in input order, make the
// outputs one run over the whole batch would.
//
// # Sheet 汇总
//
// Rows are the indicators that compare: those with a catalog name first
// (in order of first appearance), then names as written that at least two
// reports use, by the number of reports; a vague name (项目, 企业, see
// [transform.VagueName]) gets no row. Figures in units that convert (斤
// and 吨, 亩 and 公顷, 个 and 家: [transform.ConvertUnit]) share a row;
// the unit most reports use wins, and a report that states the indicator
// in a unit of another dimension is left out of the row and its record
// says so in 复核. Each row shows its values in one display unit, stated
// in its 单位 column (亿元, 万人, % …; 指标 keeps full precision); a rate
// against last year has a row of its own, under the indicator's.
//
// A report has one column per status it uses (实际, 预计, 目标), titled
// with the report and the year most of the column's records refer to.
// When a report states an indicator several times with one status, the
// cell shows, among the mentions of that year, the one in the report's
// first section (the overview: 综合, 总体情况, 工作回顾 …), else the
// largest value (the widest scope), else the first; its number format
// adds the count ("300（3次）"). Every other mention is in 指标 only.
// A value whose record has a review reason is shaded. Past Excel's
// 16,384 columns the reports with the most figures keep their columns
// and a note on the sheet says how many were left out.
//
// # Review
//
// Column 复核 of 指标 holds the record's own review (field review,
// filled by transform) and the reasons only the whole batch shows: a unit
// of another dimension than most reports use for the indicator, and a
// value more than a thousand times outside the range of at least three
// other reports. JSON Lines and CSV are written as the batch streams and
// carry the record's own review only.
//
// # Safe text
//
// Text is protected where a spreadsheet would change it. In the workbook
// every string is stored as text, so "=SUM(A1)" or a 20-digit string is
// shown as written; control characters, which XML cannot carry, become
// spaces, and text beyond Excel's 32767-character limit is cut and ends
// with "…". In CSV, a text field of two or more characters starting with
// = + - @, tab or carriage return gets a leading apostrophe (CSV
// injection); numbers never do.
// To undo it, remove one leading apostrophe from a text field whose
// remainder, stripped of leading apostrophes, starts with one of those.
package load

// BUG(zhibiao): The memory a Workbook takes still grows with the batch,
// slowly: with its files (their names and columns, a few hundred bytes
// each) and, at Close, with the rows 汇总 shows (a line each; Excel holds
// a million). Records and tables wait for Close in temporary files, 汇总
// reads its figures back from them a part at a time (summary.go,
// TestSummaryMemory), the rows of 指标 are rendered by this package
// (rowxml.go) and the zip goes straight to the file (excelize would
// assemble it in memory, qax-os/excelize#2357). Writing 200,000 records
// peaks at about 21 MB of heap (35 MB when excelize assembled the zip,
// 75 MB before the rows were rendered here).

// BUG(zhibiao): Sheet 汇总 matches names as written exactly: two reports
// that name one indicator differently (接待游客, 游客接待量)
// share a row only through the catalog.

// BUG(zhibiao): The batch-wide review reasons (a unit other reports do
// not use, a value far outside their range) are in the workbook only;
// JSON Lines and CSV, written as the batch streams, do not have them.
