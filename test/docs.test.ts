/**
 * Docs that stay true: every file path and every schema-qualified SQL name
 * that README.md, CONTRIBUTING.md or docs/ mention in backticks exists.
 * Paths are taken from the project root, the document's own folder or
 * migrations/fixtures/ (fixtures are named from there); a bare file name must
 * exist somewhere in the project. SQL names must appear in migrations/schema.sql.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import t from "tap";
import { projectRoot } from "../lib/infra/config.ts";

const DOCS = ["README.md", "CONTRIBUTING.md", "CHANGELOG.md", ...readdirSync(path.join(projectRoot, "docs")).map((f) => `docs/${f}`)]
  .filter((f) => f.endsWith(".md") && existsSync(path.join(projectRoot, f)))
  .sort();
const SKIP_DIRS = new Set(["node_modules", ".git", ".data", ".tap"]);

function allFiles(dir: string, out: Set<string>): Set<string> {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (SKIP_DIRS.has(entry.name)) continue;
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) allFiles(full, out);
    else out.add(entry.name);
  }
  return out;
}
const basenames = allFiles(projectRoot, new Set());
const schema = readFileSync(path.join(projectRoot, "migrations", "schema.sql"), "utf8");

/** Backticked words of a document, outside fenced code blocks. */
function backticked(text: string): string[] {
  const prose = text.replace(/```[\s\S]*?```/g, "");
  return [...prose.matchAll(/`([^`\n]+)`/g)].map((m) => m[1]!.trim());
}

const FILE = /^[\w./-]+\.(sql|ts|md|json|ya?ml|js|cjs|mjs|sh|graphql)$/;
const SQL_NAME = /^(app_public|app_hidden|app_private|auth)\.(\w+)/;

for (const doc of DOCS) {
  t.test(doc, async (t) => {
    const dir = path.dirname(path.join(projectRoot, doc));
    const missing: string[] = [];
    for (const word of backticked(readFileSync(path.join(projectRoot, doc), "utf8"))) {
      if (FILE.test(word)) {
        if (word.includes("<")) continue;
        const found = word.includes("/")
          ? [projectRoot, dir, path.join(projectRoot, "migrations", "fixtures")].some((base) => existsSync(path.join(base, word)))
          : basenames.has(word);
        if (!found) missing.push(word);
        continue;
      }
      const sql = SQL_NAME.exec(word);
      if (sql && !new RegExp(`\\b${sql[1]}\\.${sql[2]}\\b`).test(schema)) missing.push(word);
    }
    t.same(missing, [], "files and SQL objects named in backticks exist");
  });
}
