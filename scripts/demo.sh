#!/usr/bin/env bash
# make demo: ingest the sample corpus into a fresh SQLite store, fact-check the sample question,
# and write the report as Markdown, HTML and JSON under out/. Run after the build (dist/).
set -euo pipefail
cd "$(dirname "$0")/.."
DB=.verity/demo.db
OUT=out
QUESTION="Which countries criminalize mere possession of child sexual abuse material versus only its production or distribution?"
VERITY=(node dist/cli/main.js)

mkdir -p .verity "$OUT"
rm -f "$DB" "$DB-wal" "$DB-shm"
"${VERITY[@]}" ingest examples/corpus --db "$DB"
echo
echo "Checking: $QUESTION"
"${VERITY[@]}" check "$QUESTION" --db "$DB" --format md --out "$OUT/report.md"
"${VERITY[@]}" check "$QUESTION" --db "$DB" --format html --out "$OUT/report.html" 2>/dev/null
"${VERITY[@]}" check "$QUESTION" --db "$DB" --format json --out "$OUT/report.json" 2>/dev/null

node --input-type=module -e '
import { readFileSync } from "node:fs";
const r = JSON.parse(readFileSync(process.argv[1], "utf8"));
const all = [...r.summary, ...r.findings.flatMap((f) => f.sentences), ...r.gaps, ...r.perspectives];
const flagged = all.filter((s) => !s.verified).length;
console.log("\n" + r.title + "\n");
console.log("Executive summary");
for (const s of r.summary) console.log("  " + (s.verified ? "" : "[UNVERIFIED] ") + s.text);
console.log("\nFindings");
r.findings.forEach((f, i) => console.log(`  ${i + 1}. ${f.headline}`));
console.log(`\n${all.length} sentences checked against their cited passages, ${flagged} flagged; ${r.sources.length} sources; ${r.provenance.timingsMs.total} ms.`);
' "$OUT/report.json"

echo
echo "Report written to:"
echo "  $OUT/report.md"
echo "  $OUT/report.html   (open it in a browser)"
echo "  $OUT/report.json"
