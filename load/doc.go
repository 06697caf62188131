// Package load writes the indicators of a batch of reports as an Excel
// workbook (sheets 指标, 汇总 and 文件), as JSON Lines and as CSV.
//
// Every writer is a [Sink]: the batch calls Add once per input file, in
// input order, then Close. Writers are not safe for concurrent use; feed
// them from one goroutine.
//
// [JSONL] is the record contract: the fields of [transform.Indicator]
// under their JSON names, unset numbers as null. [CSV] has the same
// fields as columns ([Fields]); [Workbook] shows them under Chinese
// headers ([Headers]) with status and bound in Chinese.
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

// BUG(zhibiao): Sheet 汇总 keeps the first value of an indicator per report and
// status; later mentions of the same indicator in the same report are in
// sheet 指标 only.

// BUG(zhibiao): excelize assembles the whole workbook in memory when it is
// saved (qax-os/excelize#2357), so memory grows with the number of
// records: about 75 MB per 100,000 records.
