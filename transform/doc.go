// Package transform finds every figure in a report's clean text and turns
// it into an [Indicator]: what it measures, its value as written and in a
// standard unit, its change against a basis, whether it is an actual
// result, an estimate or a target, the year it refers to, and where it
// stands.
//
// For the sentence
//
//	预计实现税收总收入15亿元，同比下降15%，…
//
// in section "一、2020年度工作总结" of a report on 2020, Indicators returns
// one record: name 税收总收入, value 15, unit 亿元, std_value 1500000000,
// std_unit 元, yoy -15 with basis 同比, status estimate, bound =,
// period 2020.
//
// # How
//
// Numbers come from this package's own lexer (numerals.go, units.go,
// quantity.go): Arabic, full-width and Chinese numerals with exact
// decimal arithmetic, a unit lexicon matched greedily before scale words,
// ranges and approximations, and a list of names that contain numbers but
// are not figures (PM2.5, 十四五). Around each figure, the words of its
// clause — cut and tagged by github.com/go-ego/gse with a trimmed
// dictionary embedded in the binary — give its name; word lists give its
// change, bound and status; headings give its section, period and whether
// it belongs to a plan. Sentences end at 。！？； and at paragraph ends; a
// text whose lines were hard-wrapped inside sentences has them rejoined
// for this purpose, while offsets keep referring to Document.Text.
//
// Lists are read as lists: "A、B分别增长5%、6%" gives each subject its
// figure, subjects written short share what the last one spells out
// (第一、二、三产业…, 城镇、农村居民人均可支配收入), and a span of years
// before a list dates its figures one by one (2022-2024年…4.7、7.2、9.3亿
// 元). A change stated after a figure ("比2023年预算减少876.75万元",
// "两年平均增长3.1%") fills that figure's fields, or is a record of the
// same figure. In budgets and final accounts, a figure named only by its
// stage (预算执行数, 年初预算) carries the item it belongs to. Every number
// is computed in exact decimal arithmetic and converted to float64 once,
// from the exact decimal, so no output shows a binary-float artefact; and
// no record has a name without a Chinese character.
//
// # Review
//
// Every record whose reading is doubtful says why in Indicator.Review, in
// short Chinese reasons joined by "；" (review.go): a vague or missing name
// (项目, 其中), a small count of kinds written out ("四项改革": an
// enumeration), a measure that qualifies the noun after it ("20万吨多晶硅
// 项目"), a name of a ranking (成为, 排名), the same name with another unit
// elsewhere in the report, a unit cut short, undecodable characters, and —
// through [ReadErrorReview], which the caller applies with the error
// extract returned — a page or file that was read only in part. Reasons
// are appended with [AddReview], never overwritten. Reasons that need the
// whole batch (a value far from the other reports') are the workbook's.
// [Dimension] and [ConvertUnit] tell which standard units compare (斤 and
// 吨, 亩 and 公顷, 个 and 家).
//
// # Tables
//
// The tables of a Document (Document.Tables) are read by a reader of their
// own (table_*.go); prose never reads a table's caption or rows, nor the
// caption of a chart ("图1 …"), so a figure stated in both is two
// records. Each column is told by its header and its cells: the row
// labels, a unit column (计量单位), classification codes and row numbers
// (never figures), and figures — levels, and the growths (比上年增长（%）),
// points, absolute changes, shares (比重), indices (上年=100) and
// completion rates that qualify them. A label column and the columns
// right of it form a group; two tables side by side (收入 | 预算数 | 支出 |
// 预算数) are two groups. For the table
//
//	表2 2021年主要工业产品产量情况
//	产品名称	计量单位	2021年	比上年增长（%）
//	水泥	万吨	731.63	-2.9
//
// the row gives one record: name 水泥, value 731.63, unit 万吨, std_value
// 7316300, std_unit 吨, yoy -2.9 with basis 比上年, period 2021 (the
// column's year), status actual, table "表2 2021年主要工业产品产量情况",
// sentence "水泥：计量单位 万吨，2021年 731.63，比上年增长（%） -2.9".
//
// The unit is the row's unit cell, else a unit in the label ("营业收入
// （元）"), else the column header ("出口额（亿元）"), else the caption or a
// unit note ("单位：万元"); it is read by scanning the cell's number followed
// by it, so scale words and units are told apart as in prose. The period
// is the row's year (a 年份 column), else the column's ("2020年", 上年同期
// is the year before), else the caption's, else the report year. A figure
// with a growth column beside it is one record with its yoy; a growth
// whose level is "—", or a table of rises (a caption of 涨跌幅度 over
// figures in %), gives rate-only records. Names are row labels without
// their markers (#, 其中：, numbering, codes, footnote marks), with the
// label of the row they are a part of before them where they name no
// measure ("货物运输总量：公路"), and the column's word after them where the
// column names a quantity or a part ("日本出口额", "社区服务中心（城市）").
// Parts are found from "#", "其中：", numbering levels, classification
// codes (2010301 under 20103) and sums: rows whose figures add up, as
// rounded, to the figure of the row above them are its parts (货物运输总量
// 49342.25 = 公路 + 水运 + 铁路 + 民航 + 管道).
// A figure whose unit nothing states gets Review "表格单元无单位" (or the
// unit its name tells, 从业人数 → 人, with that said in Review), and none
// at all in a table with no caption.
//
// A [Transformer] is built once with [New] (it loads the word segmenter and
// the indicator catalog) and is safe for concurrent use by many goroutines.
package transform
