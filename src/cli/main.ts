import { parseArgs } from "node:util";
import { CliError } from "./errors";
import * as path from "node:path";
import { existsSync } from "node:fs";
import { checkCommand } from "./check-command";
import { consolidateCommand } from "./consolidate-command";
import { summaryLines } from "./print-summary";
import { seriesLines } from "./print-series";
import { templateCommand } from "./template-command";
import { printTiming, startTiming, type BootTimes } from "./timing";

const USAGE = `chitieu — chỉ tiêu kế hoạch: mẫu biểu, kiểm tra, tổng hợp / planning indicators

  chitieu template <mẫu> --period P (--unit MÃ … | --roster TỆP | --province MÃ) --out THƯ_MỤC|TỆP.xlsx
                   [--name TÊN] [--lang vi|en] [--due NGÀY]
      --due ghi hạn nộp lên mẫu (mặc định: hạn thường lệ của kỳ, nếu kế hoạch có, như báo cáo năm của
      MTTQ trước 15/12) / --due writes the deadline on the form (default: the period's usual one, when
      the plan gives one, such as the Front's annual report before 15/12)
      --unit nhận mọi mã: mã ngoài danh mục 2025 được cảnh báo (kèm mã gần nhất), mẫu vẫn được tạo;
      tên lấy từ --name, rồi --roster, rồi danh mục / --unit takes any code: one outside the 2025 list
      gets a warning with the nearest codes and the workbook is still written; its name comes from
      --name, else the --roster file, else the list
  chitieu check <tệp>… [--json TỆP] [--locale vi|en]
  chitieu consolidate <tệp|thư mục>… [--template ID] [--period P] [--roster TỆP] [--plan TỆP]
                      [--previous TỆP.xlsx] [--history TỆP|THƯ_MỤC …] [--due NGÀY] --out TỆP.xlsx
                      [--json TỆP] [--locale vi|en] [--report TỆP.docx [--lang vi|en]]
      --history: bảng tổng hợp các kỳ trước của cùng đơn vị (tệp hoặc thư mục, nhắc lại được): chuỗi
      số liệu theo thời gian, tốc độ giảm/tăng mỗi năm, lũy kế cả giai đoạn / earlier summaries of the
      same scope (files or folders, repeatable): the series, yearly pace, running phase totals
      --report viết báo cáo (Word, Nghị định 30/2020/NĐ-CP) từ số liệu tổng hợp, để hoàn thiện và ký;
      --lang en viết bằng tiếng Anh / --report drafts the written report (.docx) from the figures, to
      finish and sign; --lang en writes it in English

Mẫu biểu / templates: ktxh-xa, de-an-1219, mttq-bien-gioi, ket-nghia
`;

type Handler = (args: string[]) => Promise<number>;

async function runTemplate(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      period: { type: "string" },
      unit: { type: "string", multiple: true },
      roster: { type: "string" },
      province: { type: "string" },
      out: { type: "string" },
      lang: { type: "string" },
      name: { type: "string" },
      due: { type: "string" },
    },
  });
  if (positionals.length > 1) {
    throw new CliError(
      `Thừa tham số: ${positionals.slice(1).join(" ")}`,
      `Unexpected arguments: ${positionals.slice(1).join(" ")}`,
    );
  }
  const { written, warnings } = await templateCommand({
    templateId: positionals[0],
    period: values.period,
    units: values.unit ?? [],
    roster: values.roster,
    province: values.province,
    out: values.out,
    lang: values.lang,
    name: values.name,
    due: values.due,
  });
  for (const w of warnings) process.stderr.write(`chitieu: ${w.vi} / ${w.en}\n`);
  process.stdout.write(`Đã ghi ${written.length} mẫu biểu / wrote ${written.length} workbook(s):\n`);
  for (const f of written) process.stdout.write(`  ${f}\n`);
  return 0;
}

const CONSOLIDATE_OPTIONS = {
  template: { type: "string" },
  period: { type: "string" },
  roster: { type: "string" },
  plan: { type: "string", multiple: true },
  previous: { type: "string" },
  history: { type: "string", multiple: true },
  due: { type: "string" },
  out: { type: "string" },
  json: { type: "string" },
  report: { type: "string" },
  lang: { type: "string" },
  locale: { type: "string" },
} as const;

async function runConsolidate(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: CONSOLIDATE_OPTIONS });
  const result = await consolidateCommand({ inputs: positionals, ...values });
  process.stdout.write(summaryLines(result.report, result.written, false).join("\n") + "\n");
  return 0;
}

async function runCheck(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { json: { type: "string" }, locale: { type: "string" } },
  });
  const { lines } = await checkCommand({ inputs: positionals, ...values });
  process.stdout.write(lines.join("\n") + "\n");
  return 0;
}

/** The bundled sample province (samples/son-la), found from the bundle's place in the checkout. */
function samplesDir(): string {
  for (const base of [path.join(__dirname, "..", ".."), process.cwd()]) {
    const dir = path.join(base, "samples", "son-la");
    if (existsSync(dir)) return dir;
  }
  throw new CliError("Không tìm thấy dữ liệu mẫu samples/son-la", "Sample data samples/son-la not found");
}

/** The main job on the embedded sample province: consolidate it, print the figures, say where the outputs went. */
async function runDemo(args: string[]): Promise<number> {
  const { values } = parseArgs({ args, options: { out: { type: "string" } } });
  const dir = samplesDir();
  const outDir = values.out ?? path.join("out", "demo");
  const sub = (f: string): string => path.join(dir, f);
  const result = await consolidateCommand({
    inputs: [sub("bao-cao")],
    roster: sub("roster.csv"),
    template: "ktxh-xa",
    period: "2026",
    due: "2026-12-15",
    plan: [sub("plan-son-la.csv"), sub("plan-muong-leo.csv"), sub("goc-2025-muong-leo.csv")].filter((f) =>
      existsSync(f),
    ),
    out: path.join(outDir, "tong-hop-son-la-2026.xlsx"),
    json: path.join(outDir, "tong-hop-son-la-2026.json"),
    report: path.join(outDir, "bao-cao-son-la-2026.docx"),
  });
  process.stdout.write(
    "DỮ LIỆU MẪU / SAMPLE DATA — tỉnh Sơn La (số liệu minh họa, không phải số liệu thật)\n",
  );
  process.stdout.write(summaryLines(result.report, result.written, true).join("\n") + "\n");
  const d = (f: string): string => path.join(dir, "de-an-1219", f);
  if (existsSync(d("bao-cao"))) {
    const r1219 = await consolidateCommand({
      inputs: [d("bao-cao")],
      roster: d("roster.csv"),
      template: "de-an-1219",
      period: "2026",
      due: "2026-12-15",
      plan: [d("plan-1219.csv")],
      out: path.join(outDir, "tong-hop-1219-2026.xlsx"),
      json: path.join(outDir, "tong-hop-1219-2026.json"),
      report: path.join(outDir, "bao-cao-1219-2026.docx"),
    });
    process.stdout.write("\nĐề án 1219 — các xã biên giới (giai đoạn 1: 2026–2027)\n");
    process.stdout.write(summaryLines(r1219.report, r1219.written, true).join("\n") + "\n");
  }
  await frontHalfYear(dir, outDir);
  const m = (f: string): string => path.join(dir, "muong-leo", f);
  if (existsSync(m("bao-cao")) && existsSync(m("ky-truoc"))) {
    // Mường Lèo's plan followed year after year: 2028 with the 2025–2027 summaries as its history.
    const rml = await consolidateCommand({
      inputs: [m("bao-cao")],
      roster: m("roster.csv"),
      template: "ktxh-xa",
      period: "2028",
      plan: [sub("plan-muong-leo.csv")],
      history: [m("ky-truoc")],
      out: path.join(outDir, "tong-hop-muong-leo-2028.xlsx"),
      json: path.join(outDir, "tong-hop-muong-leo-2028.json"),
      report: path.join(outDir, "bao-cao-muong-leo-2028.docx"),
    });
    process.stdout.write("\nXã Mường Lèo — kế hoạch 2026–2030 qua từng năm (lịch sử: 2025–2027)\n");
    process.stdout.write(seriesLines(rml.report).join("\n") + "\n");
    process.stdout.write(summaryLines(rml.report, rml.written, false).join("\n") + "\n");
  }
  return 0;
}

/**
 * The Front's six-month report (seed 002) made of the communes' quarters: some sent two quarters,
 * some the half, one only its first quarter (named as a gap).
 */
async function frontHalfYear(dir: string, outDir: string): Promise<void> {
  const f = (name: string): string => path.join(dir, "mttq-2026", name);
  if (!existsSync(f("bao-cao"))) return;
  const run = await consolidateCommand({
    inputs: [f("bao-cao")],
    roster: f("roster.csv"),
    template: "mttq-bien-gioi",
    period: "2026-H1",
    out: path.join(outDir, "tong-hop-mttq-2026-H1.xlsx"),
    json: path.join(outDir, "tong-hop-mttq-2026-H1.json"),
  });
  process.stdout.write(
    "\nMTTQ khu vực biên giới — báo cáo 6 tháng đầu năm 2026 ghép từ các báo cáo quý / the Front's six-month report made of quarters\n",
  );
  process.stdout.write(summaryLines(run.report, run.written, true).join("\n") + "\n");
  const gaps = run.report.issues.filter((x) => x.rule === "incomplete-period" && x.severity === "error");
  const gapUnits = new Set(gaps.map((i) => i.unit));
  // Units whose half came from quarters: not the half's own file, no gap left.
  const made = run.report.units.filter(
    (u) =>
      !gapUnits.has(u.code) && (u.sources ?? []).length > 0 && !(u.sources ?? []).some((s) => /H1/.test(s)),
  );
  process.stdout.write(`Ghép từ báo cáo quý / made of quarters: ${made.map((u) => u.name).join(", ")}\n`);
  for (const i of gaps) process.stdout.write(`Thiếu kỳ / gap: ${i.message}\n`);
}

const COMMANDS: Record<string, Handler> = {
  template: runTemplate,
  consolidate: runConsolidate,
  check: runCheck,
  demo: runDemo,
};

export async function main(argv: string[], boot?: BootTimes): Promise<number> {
  startTiming(boot);
  try {
    return await run(argv);
  } finally {
    printTiming();
  }
}

async function run(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (!command || command === "--help" || command === "-h" || command === "help") {
    process.stdout.write(USAGE);
    return command ? 0 : 2;
  }
  const handler = COMMANDS[command];
  try {
    if (!handler) throw new CliError(`Không có lệnh "${command}"`, `Unknown command "${command}"`);
    return await handler(rest);
  } catch (e) {
    if (e instanceof CliError) {
      process.stderr.write(`chitieu: ${e.vi} / ${e.en}\n`);
      return 2;
    }
    const err = e as NodeJS.ErrnoException;
    if (err && (err.code === "ERR_PARSE_ARGS_UNKNOWN_OPTION" || err.code?.startsWith("ERR_PARSE_ARGS"))) {
      process.stderr.write(`chitieu: tham số không hợp lệ / bad arguments: ${err.message}\n`);
      return 2;
    }
    if (err && typeof err.code === "string" && /^E[A-Z]+$/.test(err.code)) {
      process.stderr.write(`chitieu: lỗi đọc/ghi tệp / file error: ${err.message}\n`);
      return 2;
    }
    process.stderr.write(
      `chitieu: lỗi không lường trước / unexpected error: ${(e as Error)?.stack ?? String(e)}\n`,
    );
    return 1;
  }
}

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (e) => {
      process.stderr.write(`chitieu: ${String(e)}\n`);
      process.exitCode = 1;
    },
  );
}
