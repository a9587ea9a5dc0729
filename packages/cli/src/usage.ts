import type { LocalizedText } from "@gongkai/core";

/**
 * Help text of `gongkai` and each command, in both languages. Kept apart from the commands so that
 * `gongkai --help` loads no command.
 */
const commonOptions: LocalizedText = {
  zh: `  -o, --output OUT                写入 OUT 而不是标准输出
  --lang zh|en                    输出语言（默认：取自 LANG，否则 zh）
  --config FILE                   使用此配置文件（默认：从当前目录向上查找）
  --no-config                     不读取配置文件
  --quiet                         只输出错误
  --color, --no-color             强制开启或关闭颜色（默认：终端上开启；遵循 NO_COLOR、FORCE_COLOR）
  -h, --help                      显示此帮助`,
  en: `  -o, --output OUT                write to OUT instead of standard output
  --lang zh|en                    language of the output (default: from LANG, else zh)
  --config FILE                   use this config file (default: found upward from here)
  --no-config                     read no config file
  --quiet                         print errors only
  --color, --no-color             force colour on or off (default: on a terminal; NO_COLOR, FORCE_COLOR)
  -h, --help                      show this help`,
};

/** The `--help` text of each command. */
export const commandUsage: Record<"check" | "import" | "render" | "schema" | "init" | "audit", LocalizedText> = {
  check: {
    zh: `用法：gongkai check 输入... [选项]

按格式规则检查政府信息公开工作年度报告：表格算术、结构、发布期限、跨年衔接。
输入可以是文件（JSON、HTML、文本、DOCX、PDF，按扩展名或内容区分）、目录（递归查找这些扩展名）、
glob（如 'reports/**/*.txt'，加不加引号均可）或 -（标准输入）。配置文件
（gongkai.config.json、gongkai.config.js 或 package.json 的 "gongkai" 键）设定规则级别、机关类型、
期限、上年报告与忽略模式；命令行选项优先。

选项：
  --format stylish|json|sarif|github
                                  输出格式（默认：stylish；github 输出工作流注释）
  --prior FILE                    同一机关上一年度的报告，用于 cross-year/* 规则
  --rule ID=off|info|warning|error
                                  修改规则级别；可重复
  --max-warnings N                警告多于 N 个时失败（-1：不限）
  --ignore-pattern PATTERN        不读取匹配的文件（.gitignore 语法）；可重复
  --fix                           修正确定的错误（部分能确定的空白或错误合计），JSON 报告就地修改或写入 -o
  --infer-splits                  粘连数字只有一种拆分能使读取该行的所有勾稽关系成立时，采用该拆分
                                  （标为推断；所用关系计为“用于推断”，不计入已核对）
${commonOptions.zh}

退出码：
  0  没有错误（警告不多于 --max-warnings）
  1  发现错误，或警告多于 --max-warnings
  2  有输入无法读取或不是报告，或命令行有误
`,
    en: `Usage: gongkai check INPUT... [options]

Check Government Information Disclosure annual reports against the format's rules: table arithmetic, structure, deadlines,
cross-year carry-over. An INPUT is a file (JSON, HTML, text, DOCX or PDF, told apart by extension or
else by content), a folder (searched recursively for those extensions), a glob ('reports/**/*.txt',
quoted or not) or - for standard input. The config file (gongkai.config.json, gongkai.config.js
or a "gongkai" key in package.json) sets rule levels, agency kind, deadlines, prior reports and
ignore patterns; command-line flags win.

Options:
  --format stylish|json|sarif|github
                                  output format (default: stylish; github: workflow annotations)
  --prior FILE                    last year's report of the same agency, for cross-year/* rules
  --rule ID=off|info|warning|error
                                  change a rule's severity; repeatable
  --max-warnings N                fail when there are more than N warnings (-1: no limit)
  --ignore-pattern PATTERN        do not read matching files (.gitignore syntax); repeatable
  --fix                           fix what is certain (a blank or wrong total its parts determine)
                                  in JSON reports, in place or to -o
  --infer-splits                  take the split of run-together digits where exactly one makes every
                                  sum relation reading the row hold (marked inferred; those relations
                                  count as used for reading, not as verified)
${commonOptions.en}

Exit codes:
  0  no errors (and no more warnings than --max-warnings)
  1  errors found, or more warnings than --max-warnings
  2  an input cannot be read or is not a report, or the command line is wrong
`,
  },
  import: {
    zh: `用法：gongkai import FILE [-o OUT] [--format json|csv]

从 HTML、文本、Word（.docx）、PDF 或 JSON 读取报告（按扩展名或内容区分；- 读取标准输入），
写为规范 JSON，或每个表格单元格一行的 CSV：table,row,column,value,raw,source,state。
导入器的发现写到标准错误。

选项：
  --format json|csv               输出格式（默认：json）
  --infer-splits                  粘连数字只有一种拆分能使读取该行的所有勾稽关系成立时，采用该拆分（标为推断）
${commonOptions.zh}

退出码：
  0  已导入（如有发现，在标准错误中）
  2  输入无法读取或不是报告，或命令行有误
`,
    en: `Usage: gongkai import FILE [-o OUT] [--format json|csv]

Read a report from HTML, text, Word (.docx), PDF or JSON, told apart by extension or else by content
(- reads standard input), and write it as canonical JSON, or as CSV with one line per table
cell: table,row,column,value,raw,source,state. The importer's findings go to standard error.

Options:
  --format json|csv               output format (default: json)
  --infer-splits                  take the split of run-together digits where exactly one makes every
                                  sum relation reading the row hold (marked inferred)
${commonOptions.en}

Exit codes:
  0  imported (findings, if any, are on standard error)
  2  the input cannot be read or is not a report, or the command line is wrong
`,
  },
  render: {
    zh: `用法：gongkai render FILE --to html|docx|json [-o OUT]

将报告（gongkai 能读的任何格式；- 读取标准输入）渲染为独立 HTML 页面、Word 文档或规范 JSON。
DOCX 是二进制：请给出 -o，或用管道接收标准输出（不会写到终端）。

选项：
  --to html|docx|json             输出格式（必填）
${commonOptions.zh}

退出码：
  0  已渲染
  2  输入无法读取、不是报告或无法渲染，或命令行有误
`,
    en: `Usage: gongkai render FILE --to html|docx|json [-o OUT]

Render a report (any format gongkai reads; - reads standard input) as a standalone HTML page, a
Word document or canonical JSON. DOCX is binary: give -o, or pipe standard output (it is not
written to a terminal).

Options:
  --to html|docx|json             output format (required)
${commonOptions.en}

Exit codes:
  0  rendered
  2  the input cannot be read, is not a report or cannot be rendered, or the command line is wrong
`,
  },
  schema: {
    zh: `用法：gongkai schema [--config-schema] [-o OUT]

输出 gongkai 报告 JSON 的 JSON Schema（draft 2020-12），即 @gongkai/to-json 所附的
schema/report.schema.json；加 --config-schema 则输出配置文件的 schema/config.schema.json。

选项：
  --config-schema                 输出配置文件的 JSON Schema
${commonOptions.zh}

退出码：0 已输出；2 命令行有误或 OUT 无法写入
`,
    en: `Usage: gongkai schema [--config-schema] [-o OUT]

Print the JSON Schema (draft 2020-12) of gongkai's report JSON, the same file @gongkai/to-json
ships as schema/report.schema.json; with --config-schema, that of the config file
(schema/config.schema.json).

Options:
  --config-schema                 print the config file's JSON Schema
${commonOptions.en}

Exit codes: 0 printed; 2 the command line is wrong or OUT cannot be written
`,
  },
  init: {
    zh: `用法：gongkai init --year YEAR [--edition 2019|2021] [--agency NAME] [--kind KIND] [-o OUT]

输出一份待填写的空报告（规范 JSON）：六个部分及其标题，表格单元格全部空白。
其 $schema 让编辑器在输入时补全并校验。空报告在填写之前不能通过检查（structure/empty-table）。

选项：
  --year YEAR                     报告所属年度（必填）
  --edition 2019|2021             格式版本（默认：YEAR 对应的版本）
  --agency NAME                   发布机关
  --kind KIND                     department | peoplesGovernment | townshipStreet | unknown（默认：unknown）
${commonOptions.zh}

退出码：0 已输出；2 命令行有误或 OUT 无法写入
`,
    en: `Usage: gongkai init --year YEAR [--edition 2019|2021] [--agency NAME] [--kind KIND] [-o OUT]

Print an empty report to fill in, as canonical JSON: the six parts with their printed headings,
every table cell blank. Its $schema lets editors complete and check it as you type. The empty
report does not pass check until it is filled in (structure/empty-table).

Options:
  --year YEAR                     the calendar year the report covers (required)
  --edition 2019|2021             the format edition (default: the edition for YEAR)
  --agency NAME                   the publishing agency
  --kind KIND                     department | peoplesGovernment | townshipStreet | unknown (default: unknown)
${commonOptions.en}

Exit codes: 0 printed; 2 the command line is wrong or OUT cannot be written
`,
  },
  audit: {
    zh: `用法：gongkai audit 路径... [选项]

用工作线程审查一整批政府信息公开工作年度报告。路径可以是文件、目录（递归）或 glob；导入器能读的格式都可以。
同一机关的报告按年度归组，每份报告与其上一年度的报告核对。无法读取的文件列入汇总，不中断运行。

选项：
  --out DIR             在 DIR 写入 index.html、summary.json（及其 schema）、findings.csv、cells.csv
                        和 DIR/reports 下每份报告的页面
  --format summary|jsonl
                        summary：结束时在标准输出打印合计（默认）；jsonl：每个结果完成时输出一行 JSON
  --workers N           工作线程数（默认：CPU 核数）
  --timeout SECONDS     每个文件的时限（默认：60）
  --ignore-pattern PATTERN
                        不读取匹配的文件（.gitignore 语法，与 check 相同；另读当前目录的 .gongkaiignore）；可重复
  --no-pages            不写每份报告的页面
  --rule ID=off|info|warning|error
                        修改规则级别；可重复
  --lang zh|en          输出语言（默认：取自 LANG，否则 zh）
  --config FILE         使用此配置文件（默认：从当前目录向上查找）；其规则级别与期限适用于每份报告
  --no-config           不读取配置文件
  --quiet               不显示进度行，合计中只列出失败的文件
  -h, --help            显示此帮助

在终端上，标准错误输出显示进度行（CI 中或 --quiet 时不显示）。Ctrl-C 干净地停止：已写入的内容保留，汇总注明运行被中断。

退出码：
  0    审查完成（无法读取的文件列在汇总中）
  2    命令行有误或无法写入输出
  130  被中断
`,
    en: `Usage: gongkai audit PATH... [options]

Audit a whole set of Government Information Disclosure annual reports on worker threads. PATH is a
file, a directory (read recursively) or a glob; every format the importers read. Each agency's
reports are grouped by year and each is checked against its predecessor. A file that cannot be
read is listed, not fatal.

Options:
  --out DIR             write index.html, summary.json (+ schema), findings.csv, cells.csv and a
                        page per report under DIR/reports
  --format summary|jsonl
                        summary: totals on stdout at the end (default); jsonl: one JSON line per
                        result on stdout as it finishes
  --workers N           worker threads (default: the machine's cores)
  --timeout SECONDS     time limit per file (default: 60)
  --ignore-pattern PATTERN
                        leave out matching files (.gitignore syntax, as for check; a .gongkaiignore
                        in the working directory applies too); repeatable
  --no-pages            no page per report
  --rule ID=off|info|warning|error
                        change a rule's level; repeatable
  --lang zh|en          language of the output (default: from LANG, else zh)
  --config FILE         use this config file (default: found upward from here); its rule levels
                        and deadlines apply to every report
  --no-config           read no config file
  --quiet               no progress line; the totals list only the files that failed
  -h, --help            show this help

A progress line goes to stderr on a terminal (not under CI, nor with --quiet). Ctrl-C stops cleanly: what was
written is kept and the summary says the run was interrupted.

Exit codes:
  0    the audit ran (files that failed are listed in the summary)
  2    the command line is wrong or the output cannot be written
  130  interrupted
`,
  },
};

/** One line per command for `gongkai --help`. */
export const commandSummaries: Record<keyof typeof commandUsage, LocalizedText> = {
  check: { zh: "检查报告并输出发现", en: "check reports and print the findings" },
  import: {
    zh: "将报告（HTML、文本、DOCX、JSON）转换为规范 JSON 或 CSV",
    en: "convert a report (HTML, text, DOCX, JSON) to canonical JSON or CSV",
  },
  render: {
    zh: "将报告渲染为 HTML 页面、DOCX 文档或规范 JSON",
    en: "render a report as an HTML page, a DOCX document or canonical JSON",
  },
  schema: {
    zh: "输出报告 JSON（或配置文件）的 JSON Schema",
    en: "print the JSON Schema of report JSON (or of the config file)",
  },
  init: { zh: "输出一份待填写的空报告", en: "print an empty report to fill in" },
  audit: {
    zh: "用工作线程审查一批报告并写出汇总",
    en: "audit a set of reports on worker threads and write a summary",
  },
};

/** `gongkai --help`. */
export function mainUsage(language: "zh" | "en"): string {
  const names = Object.keys(commandSummaries) as (keyof typeof commandSummaries)[];
  const width = Math.max(...names.map((name) => name.length));
  const list = names.map((name) => `  ${name.padEnd(width)}  ${commandSummaries[name][language]}`).join("\n");
  return language === "zh"
    ? `用法：gongkai <命令> [选项]

检查、导入和渲染政府信息公开工作年度报告。

命令：
${list}

选项：
  -h, --help     显示此帮助（gongkai <命令> --help 显示命令的帮助）
  -v, --version  输出版本
  --lang zh|en   输出语言（默认：取自 LANG，否则 zh）

退出码：0 成功；1 检查发现错误；2 输入无法读取、不是报告，或命令行有误
`
    : `Usage: gongkai <command> [options]

Check, import and render Government Information Disclosure annual reports.

Commands:
${list}

Options:
  -h, --help     show this help (gongkai <command> --help for a command's)
  -v, --version  print the version
  --lang zh|en   language of the output (default: from LANG, else zh)

Exit codes: 0 success; 1 check found errors; 2 unreadable input, not a report, or a wrong command line
`;
}
