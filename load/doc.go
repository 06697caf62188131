// Package load writes the indicators of a batch of reports as an Excel
// workbook (sheets 指标, 汇总 and 文件), as JSON Lines and as CSV.
//
// Every writer is a [Sink]: the batch calls Add once per input file, in
// input order, then Close. Writers are not safe for concurrent use; feed
// them from one goroutine.
package load
