/*
 * What jsdom lacks that the pane's libraries touch: ResizeObserver and matchMedia (Fluent UI),
 * TextEncoder/TextDecoder (the CSV and text readers), Blob.arrayBuffer (reading chosen files); and
 * a getComputedStyle that does not try thousands of rules that cannot match (below).
 * Only for tests that run in jsdom; node tests are left alone.
 */
import { TextDecoder, TextEncoder } from "node:util";
import { createRequire } from "node:module";

if (typeof window !== "undefined") {
  const g = globalThis as Record<string, unknown>;
  if (!g.ResizeObserver) {
    g.ResizeObserver = class {
      observe(): void {}
      unobserve(): void {}
      disconnect(): void {}
    };
  }
  if (!window.matchMedia) {
    window.matchMedia = (query: string) =>
      ({
        matches: false,
        media: query,
        onchange: null,
        addEventListener: () => undefined,
        removeEventListener: () => undefined,
        addListener: () => undefined,
        removeListener: () => undefined,
        dispatchEvent: () => false,
      }) as MediaQueryList;
  }
  if (!g.TextEncoder) g.TextEncoder = TextEncoder;
  if (!g.TextDecoder) g.TextDecoder = TextDecoder;
  if (!Blob.prototype.arrayBuffer) {
    Blob.prototype.arrayBuffer = function arrayBuffer(this: Blob): Promise<ArrayBuffer> {
      return new Promise((resolve, reject) => {
        const reader = new FileReader();
        reader.onload = () => resolve(reader.result as ArrayBuffer);
        reader.onerror = () => reject(reader.error ?? new Error("FileReader failed"));
        reader.readAsArrayBuffer(this);
      });
    };
  }
  fastComputedStyle(window);
}

/*
 * jsdom's getComputedStyle tries every rule of every style sheet on the element, and again on each
 * of its ancestors to resolve `visibility`. Fluent UI's Griffel puts thousands of rules in the page,
 * and testing-library's role queries, user-event's pointer-events check and floating-ui ask for the
 * computed style of each element and its ancestors over and over: that was three quarters of the
 * pane tests' time (app.test.tsx: 33 of 44 s). This is jsdom's own algorithm (jsdom 20,
 * browser/Window.js and living/helpers/style-rules.js), step for step and with the same selector
 * engine and settings (jsdom's own modules, loaded afresh: jest keeps the environment's copies out
 * of reach), made fast in two ways that cannot change an answer:
 * - a rule whose selector's subject must carry a class (`.r1abc:hover`, `.a > .b`) is only tried on
 *   elements that carry it (compared without case, so quirks mode is covered too);
 * - `visibility` is inherited through the ancestors by trying only the rules that set it.
 * Nothing is cached between calls, so nothing can go stale. CHITIEU_STYLE_CHECK=1 also asks jsdom's
 * own getComputedStyle each time and throws on the first answer that differs.
 */
type Rule = CSSRule & { selectorText?: string; style?: CSSStyleDeclaration; cssRules?: CSSRuleList };

/** The class the subject of a selector must carry, or null if there is none to rely on. */
function subjectClass(selector: string): string | null {
  // Escapes, namespaces and selector lists are rare in these sheets: tried on every element.
  if (/[\\|,]/.test(selector)) return null;
  // What sits inside (), [] or quotes says nothing about the subject's own classes.
  let top = "";
  let depth = 0;
  let quote = "";
  for (const ch of selector) {
    if (quote) {
      if (ch === quote) quote = "";
    } else if (ch === '"' || ch === "'") quote = ch;
    else if (ch === "(" || ch === "[") depth++;
    else if (ch === ")" || ch === "]") depth--;
    else if (depth === 0) top += ch;
  }
  if (depth !== 0 || quote) return null;
  const subject =
    top
      .trim()
      .split(/\s*[>+~]\s*|\s+/)
      .pop() ?? "";
  const cls = /\.(-?[_a-zA-Z\u00a0-\uffff][-_a-zA-Z0-9\u00a0-\uffff]*)/.exec(subject);
  return cls ? cls[1]!.toLowerCase() : null;
}

function fastComputedStyle(win: Window & typeof globalThis): void {
  const jsdomComputed = win.getComputedStyle.bind(win);
  const check = process.env.CHITIEU_STYLE_CHECK === "1";
  const Declaration = jsdomComputed(win.document.documentElement)
    .constructor as new () => CSSStyleDeclaration;
  // jsdom's own modules, as loaded by the test environment (Node's require, not jest's registry).
  const fromJsdom = createRequire(require.resolve("jsdom/package.json"));
  const { parse } = fromJsdom("cssom") as { parse(css: string): { cssRules: ArrayLike<Rule> } };
  const defaultRules = parse(fromJsdom("./lib/jsdom/browser/default-stylesheet.js") as string).cssRules;
  // jsdom's matchesDontThrow (living/helpers/selectors.js): an nwsapi of the document's own, set up
  // as jsdom sets up the one it uses for computed styles.
  type Nwsapi = { configure(o: object): void; match(selector: unknown, element: Element): boolean };
  const makeNwsapi = fromJsdom("nwsapi") as (o: { document: Document; DOMException: unknown }) => Nwsapi;
  let engine: Nwsapi | undefined;
  const matches = (rule: Rule, elt: Element): boolean => {
    if (!engine) {
      engine = makeNwsapi({ document: win.document, DOMException: win.DOMException });
      engine.configure({ LOGERRORS: false, VERBOSITY: false, IDS_DUPES: true, MIXEDCASE: true });
    }
    return engine.match(rule.selectorText, elt);
  };
  const subjects = new WeakMap<Rule, { selector: string | undefined; cls: string | null }>();
  const subjectOf = (rule: Rule): string | null => {
    let known = subjects.get(rule);
    if (!known || known.selector !== rule.selectorText) {
      const selector = rule.selectorText;
      known = { selector, cls: typeof selector === "string" ? subjectClass(selector) : null };
      subjects.set(rule, known);
    }
    return known.cls;
  };
  /** style-rules.js forEachMatchingSheetRuleOfElement: the default sheet, then the document's, in order. */
  const eachRule = (visit: (rule: Rule) => void): void => {
    const sheet = (rules: ArrayLike<Rule>): void => {
      for (let i = 0; i < rules.length; i++) {
        const rule = rules[i]!;
        const media = (rule as { media?: MediaList }).media;
        if (media) {
          if (Array.prototype.indexOf.call(media, "screen") !== -1) {
            const inner = rule.cssRules as unknown as ArrayLike<Rule>;
            for (let j = 0; j < inner.length; j++) visit(inner[j]!);
          }
        } else visit(rule);
      }
    };
    sheet(defaultRules);
    const sheets = win.document.styleSheets;
    for (let i = 0; i < sheets.length; i++) sheet(sheets[i]!.cssRules as unknown as ArrayLike<Rule>);
  };
  const classesOf = (elt: Element): Set<string> => new Set(Array.from(elt.classList, (c) => c.toLowerCase()));
  const mayMatch = (rule: Rule, classes: Set<string>): boolean => {
    const cls = subjectOf(rule);
    return cls === null || classes.has(cls);
  };
  /** style-rules.js getResolvedValue(…, "visibility"): the cascade, else the parent's, else visible. */
  const visibility = (elt: Element, setters: Rule[]): string => {
    let value = "";
    const classes = classesOf(elt);
    for (const rule of setters) {
      if (mayMatch(rule, classes) && matches(rule, elt)) value = rule.style!.getPropertyValue("visibility");
    }
    const inline = (elt as HTMLElement).style?.getPropertyValue("visibility");
    if (inline !== "" && inline != null) value = inline;
    if (value !== "") return value;
    return elt.parentElement !== null ? visibility(elt.parentElement, setters) : "visible";
  };
  const computedStyle = (elt: Element): CSSStyleDeclaration => {
    const declaration = new Declaration();
    // cssstyle hands the whole cssText to a change callback on every property set, and there is no
    // callback here: text made and dropped, quadratic in the properties. It is hidden while the
    // declaration is filled, then the declaration's own getter is back.
    Object.defineProperty(declaration, "cssText", { configurable: true, get: () => "" });
    const classes = classesOf(elt);
    const setters: Rule[] = [];
    eachRule((rule) => {
      const style = rule.style;
      if (style && style.getPropertyValue("visibility") !== "") setters.push(rule);
      if (!mayMatch(rule, classes) || !matches(rule, elt)) return;
      Array.prototype.forEach.call(style, (property: string) => {
        declaration.setProperty(
          property,
          style!.getPropertyValue(property),
          style!.getPropertyPriority(property),
        );
      });
    });
    declaration.setProperty("visibility", visibility(elt, setters));
    const { style } = elt as HTMLElement;
    Array.prototype.forEach.call(style, (property: string) => {
      declaration.setProperty(
        property,
        style.getPropertyValue(property),
        style.getPropertyPriority(property),
      );
    });
    delete (declaration as { cssText?: string }).cssText;
    return declaration;
  };
  win.getComputedStyle = (elt: Element, pseudoElt?: string | null): CSSStyleDeclaration => {
    // Anything unusual (not an element, a pseudo-element) goes to jsdom as before.
    if (!(elt instanceof win.Element) || (pseudoElt !== undefined && pseudoElt !== null)) {
      return jsdomComputed(elt, pseudoElt);
    }
    const style = computedStyle(elt);
    if (check && style.cssText !== jsdomComputed(elt).cssText) {
      throw new Error(`jsdom-setup: a computed style of <${elt.localName}> differs from jsdom's`);
    }
    return style;
  };
}
