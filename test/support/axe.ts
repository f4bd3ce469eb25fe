import axe from "axe-core";

/**
 * Accessibility violations axe-core finds in a rendered pane. Colour contrast is left to the browser
 * tests: jsdom has no layout or canvas to measure it (the e2e run checks it in Chromium).
 */
export async function axeViolations(root: Element): Promise<string[]> {
  const results = await axe.run(root, {
    rules: { "color-contrast": { enabled: false } },
    resultTypes: ["violations"],
  });
  return results.violations.map(
    (v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join("; ")})`,
  );
}
