import { note, text } from "./blocks";
import { makeContext, periodEnd, type WrittenReportInput } from "./context";
import { figuresTable } from "./figures-table";
import {
  masthead,
  numberCode,
  reporterInText,
  scopeInText,
  signature,
  subjectInText,
  subjectLine,
} from "./issuer";
import { assessmentSection } from "./section-assessment";
import { issuesSection, proposalsSection } from "./section-issues";
import { resultsSection } from "./section-results";
import { unitsSection } from "./section-units";
import type { WrittenReport } from "./types";

/**
 * The written report (FORMATS.md §9) from a consolidation's JSON report: plain data, the same for
 * the same inputs, in Vietnamese or in English. src/io/docx-write lays it out as a .docx.
 */
export function buildWrittenReport(input: WrittenReportInput): WrittenReport {
  const ctx = makeContext(input);
  const { p, lang, owner, scope } = ctx;
  const subject = subjectInText(ctx.template, ctx.period, scope, lang);
  const title = subjectLine(subject, lang);
  const reporter = reporterInText(owner, scope, lang);
  const [before, after] = p.intro(subject);
  const date = input.date ?? periodEnd(ctx.period);

  const body = [
    text(before, reporter, after),
    ...unitsSection(ctx),
    ...resultsSection(ctx),
    ...assessmentSection(ctx),
    ...issuesSection(ctx),
    ...proposalsSection(ctx),
    text(p.closing(subject)),
  ];

  const issuerName = reporter.fill ? undefined : reporter.text;
  return {
    lang,
    date,
    masthead: masthead(owner, scope, input.date, lang),
    title: p.title,
    subject: title,
    body,
    signature: signature(owner, scope, ctx.unitsKind, lang),
    appendix: {
      title: p.appendix,
      subtitle: p.appendixSubtitle(
        p.period(ctx.period).replace(/^(in|over) /, ""),
        ctx.report.scope.name || scopeInText(scope, lang),
      ),
      reference: [
        { text: p.attachedTo, italic: true },
        { ...numberCode(owner, lang), italic: true },
        { text: p.attachedDate(input.date ? p.shortDate(input.date) : undefined, issuerName), italic: true },
      ],
      blocks: [figuresTable(ctx), note(p.tableNote)],
    },
    properties: {
      title: `${p.title}: ${title}`,
      subject: title,
      keywords: `ChiTieu; ${ctx.template.id}; ${ctx.report.period}; ${ctx.report.scope.code}`,
    },
  };
}
