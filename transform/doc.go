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
// labels, a unit column (计量单位), classification codes, row numbers and
// note references (编码, 序号, 行次, 栏次, 附注, 注释: never figures), and
// figures — levels, and the growths (比上年增长（%）), points, absolute
// changes, shares (比重), indices (上年=100) and completion rates that
// qualify them. A label column and the columns right of it form a group;
// two tables side by side (收入 | 预算数 | 支出 | 预算数, or 本年收入/项目
// beside 本年支出/项目) are two groups, but a second label column under the
// same title as the first (前10名股东持股情况/股东名称 … /股份状态)
// qualifies its rows. For the table
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
// Names. A record's name is its row's label without markers (#, 其中：,
// 加：, numbering, codes, footnote marks, remarks in brackets such as
// （亏损以"－"号填列）), with the label of the row it is a part of before
// it where the label names no measure ("货物运输总量：公路", "司法：行政
// 运行"), then, when its column says more than the row, the column's
// qualifier in full-width brackets — one convention for every table:
// "一般公共服务支出（基本支出）", "住房改革支出：购房补贴（事业单位经营
// 收入）", "合计（项目支出）", "日本（出口额）", "规章（现行有效件数）". The
// qualifier is the lowest part of the column's header that says
// something (人员经费 under 基本支出; generic words such as 合计, 金额,
// 本期发生额 say nothing), with its upper parts where two columns would
// otherwise share it, and a generic measure (产量, 金额) where a sibling
// column names another (茅台酒（产量）beside 茅台酒（销量）). Shares name
// the part they are of (货币资金占总资产的比例). Records of one table that
// share their name, period and status are told apart by their rows'
// parents ("营业总收入：利息收入", "财务费用：利息收入"), the texts of their
// rows' text columns, then their columns' headers; those that still cannot
// be told apart are dropped, all of them: two records of one name, period
// and status with different figures would be wrong ones (a row of five
// figures whose header row extract could not attach, two rows labelled
// 其他 that nothing places).
//
// Structure. Parts are found from "#", "其中：" (the run of parts ends
// where their figures would add up to more than the row's: 存货 after
// 其中：应收利息 is no part of 其他应收款), numbering levels (一、 （一） 1.;
// a number that follows one of its level is that row's sibling, whatever
// stands between: 四、 after 三、 and its items), classification codes
// (2010301 under 20103), label areas (several label columns under one
// merged header cell: 三、本年度办理结果 | （三）不予公开 | 1.属于国家秘密
// names "不予公开：属于国家秘密") and sums: rows whose figures add up, as
// rounded, to the figure of the row above them (货物运输总量 49342.25 =
// 公路 + 水运 + …) or of the row below them (资产 + 投资 + 其他 =
// 投资活动现金流) are its parts. A total (合计, 流动资产合计) is a part
// of no row. A grid that stacks several tables, each under a title row
// and a header row of its own (第二十条第（五）项, 信息内容 | 本年处理决定
// 数量), is read part by part under its own header. A row labelled YOY or
// 同比增长率 gives the yoy of the row above it. A row with a label and no
// figure opens a section whose rows take the unit its label states
// (每股指标(元), 价值评估(倍)).
//
// Units. The unit is the row's unit cell, else a unit in the label
// ("营业收入（元）", "毛利率%"), else the column header ("出口额（亿元）"),
// else the section row's, else the caption, a unit note or the label
// column's header ("利润表(百万元)"); it is read by scanning the cell's
// number followed by it, so scale words and units are told apart as in
// prose. A unit note is read even when it goes on ("单位：元币种：人民币",
// "单位：人民币元") and past the note of the unit that made the table
// ("编制单位：某局 单位：元"); what it names is a unit even when the
// lexicon does not hold it (单位：股). The short lines right above a
// table that extract left out of it (an annual report's "合并现金流量表",
// "2020年1—12月", "单位：元币种：人民币") are its title and notes. A figure
// whose unit nothing states gets Review "表格单元无单位" (or the unit its
// column's or row's name tells, 从业人数 → 人, 周转天数 → 天, with that
// said in Review); in a table that has no caption it is read only when
// the table was drawn as one (ruled, three-line, Word, web page) with a
// header.
//
// Periods and status. The period is the row's year (a 年份 column), else
// the column's ("2020年12月31日", "2022E", "2018年1-3月"; 上年同期, 上期,
// 上年度末, 期初 are the year before the table's: the 期初余额 of a report
// on the first quarter of 2018 is the end of 2017; 年初至报告期期末 runs to
// the current period), else the caption's, else the report year. A year
// marked E, F or P ("2022E") is a forecast: status estimate. A research
// note's header line of years printed apart from its table ("2020 2021
// 2022E", a line of its own a little above the grid, with only other
// tables, sources and captions between, one year per figure column) is
// the table's header again; without it, figure columns that nothing tells
// apart give no records.
//
// Zero and empty cells. An empty cell, "—", "…" gives nothing. A written
// 0 or 0.00 is a figure and a record, and so is a row of them: a budget
// that writes 政府性基金预算 0.00 states that there is none (the
// explanation's "政府性基金拨款支出预算0万元" is a prose record too), a
// clerk copying the table would copy it, and a total can only be checked
// against its parts when all are there; an Excel export that leaves the
// cell empty states nothing, and gives nothing. Classification codes (类
// 款 项 columns, 208类, 05款) are never figures, so a row of codes alone
// gives none.
// A [Transformer] is built once with [New] (it loads the word segmenter and
// the indicator catalog) and is safe for concurrent use by many goroutines.
package transform
