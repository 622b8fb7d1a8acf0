// The audit log reader against independent oracles: chunk boundaries anywhere (inside a line,
// inside a UTF-8 character, between `\r` and `\n`), and the de-duplication and tally of stages
// recomputed naively from JSON.parse of every line.
import { Readable } from "node:stream";
import { parseAuditLine, readAuditLog, type AuditRecord } from "@rampart/pipeline";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { generateAuditLog, random } from "./audit-generator.js";
import { writeLog } from "./learn-helpers.js";

/** Standard input delivering `bytes` cut at `cuts` (sorted offsets). */
function chunked(bytes: Buffer, cuts: number[]): Readable {
  const parts: Buffer[] = [];
  let from = 0;
  for (const c of [...cuts, bytes.length]) {
    if (c > from) parts.push(bytes.subarray(from, c));
    from = Math.max(from, c);
  }
  return Readable.from(parts);
}

const event = (id: string, stage: string, extra: Record<string, unknown> = {}) =>
  JSON.stringify({
    kind: "Event",
    apiVersion: "audit.k8s.io/v1",
    auditID: id,
    stage,
    verb: "get",
    user: { username: "ünïcødé-user", groups: ["g"] },
    objectRef: { resource: "configmaps", namespace: "a", name: `cm-${id}` },
    requestReceivedTimestamp: "2026-11-30T10:00:00.000000Z",
    ...(stage === "RequestReceived" ? {} : { responseStatus: { code: 200 } }),
    ...extra,
  });

/** What the reader must return, computed the slow way: JSON.parse every line, keep each auditID's latest stage, count identical requests. */
function oracle(lines: readonly string[]): { records: Map<string, number>; warnings: number[]; duplicates: number } {
  const latest = new Map<string, AuditRecord>();
  const anonymous: AuditRecord[] = [];
  const warnings: number[] = [];
  let duplicates = 0;
  lines.forEach((line, i) => {
    if (line.trim() === "") return;
    const p = parseAuditLine(line);
    if ("warning" in p) return warnings.push(i + 1);
    const r = p.record;
    if (r.auditId === "") return anonymous.push(r);
    const seen = latest.get(r.auditId);
    if (seen) duplicates++;
    if (!seen || r.stageRank > seen.stageRank) latest.set(r.auditId, r);
  });
  const records = new Map<string, number>();
  for (const r of [...latest.values(), ...anonymous]) {
    const key = JSON.stringify([r.outcome, r.user, r.groups, r.verb, r.apiGroup, r.resource, r.subresource, r.namespace, r.name, r.nonResourceURL]);
    records.set(key, (records.get(key) ?? 0) + r.count);
  }
  return { records, warnings, duplicates };
}

function tallied(records: readonly AuditRecord[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const r of records) {
    const key = JSON.stringify([r.outcome, r.user, r.groups, r.verb, r.apiGroup, r.resource, r.subresource, r.namespace, r.name, r.nonResourceURL]);
    expect(out.has(key)).toBe(false); // one record per identical request
    out.set(key, r.count);
  }
  return out;
}

describe("audit log reader", () => {
  it("reads the same lines wherever the input is cut: inside a line, a UTF-8 character or a CRLF", async () => {
    const lines = [event("1", "RequestReceived"), "", event("1", "ResponseComplete"), "{truncated", event("2", "ResponseComplete")];
    for (const eol of ["\n", "\r\n"]) await cutEverywhere(Buffer.from(lines.join(eol) + eol, "utf8"));
  });

  async function cutEverywhere(bytes: Buffer): Promise<void> {
    const whole = await readAuditLog(["-"], { stdin: Readable.from([bytes]) });
    expect(whole.records.map((r) => [r.user, r.name, r.count])).toEqual([
      ["ünïcødé-user", "cm-1", 1],
      ["ünïcødé-user", "cm-2", 1],
    ]);
    expect(whole.warnings.map((w) => `${w.line}: ${w.message}`)).toEqual(["4: not a complete JSON object (a truncated line?): skipped"]);
    expect(whole).toMatchObject({ lines: 4, skipped: 1, duplicateStages: 1 });
    // Every single cut point, then random sets of cuts.
    for (let c = 1; c < bytes.length; c++) {
      const r = await readAuditLog(["-"], { stdin: chunked(bytes, [c]) });
      expect({ ...r, at: c }).toEqual({ ...whole, at: c });
    }
    await fc.assert(
      fc.asyncProperty(fc.uniqueArray(fc.integer({ min: 1, max: bytes.length - 1 }), { maxLength: 40 }), async (cuts) => {
        expect(
          await readAuditLog(["-"], {
            stdin: chunked(
              bytes,
              cuts.sort((a, b) => a - b),
            ),
          }),
        ).toEqual(whole);
      }),
      { numRuns: 50 },
    );
  }

  it("warns about a malformed early stage even when the request's final stage is read, and reads keys in any order", async () => {
    const lines = [
      // A truncated RequestReceived of request 1, then its final stage.
      event("1", "RequestReceived").slice(0, 120),
      event("1", "ResponseComplete"),
      // Nested `auditID` and `stage` keys before the top-level ones must not be taken for them.
      JSON.stringify({ requestObject: { auditID: "1", stage: "ResponseComplete" }, ...JSON.parse(event("2", "RequestReceived")) }),
      event("2", "ResponseComplete", { annotations: { "authorization.k8s.io/decision": "forbid" } }),
    ];
    const r = await readAuditLog([writeLog(lines)]);
    expect(r.warnings.map((w) => w.line)).toEqual([1]);
    expect(r.records.map((x) => [x.name, x.outcome, x.count])).toEqual([
      ["cm-1", "allowed", 1],
      ["cm-2", "forbidden", 1],
    ]);
    expect(r).toMatchObject({ lines: 4, skipped: 1, duplicateStages: 1 });
  });

  it("property: de-duplicates and tallies like JSON.parse of every line, for shuffled, repeated and split logs", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 1_000_000 }),
        fc.integer({ min: 10, max: 300 }),
        fc.integer({ min: 1, max: 3 }),
        async (seed, requests, files) => {
          const { lines } = generateAuditLog({ seed, requests, malformed: true });
          const rand = random(seed);
          // Repeat some lines (a log shipped twice) and move some (stages out of order across files).
          // Some requests by the same user with other groups (a group membership that changed).
          const mixed = lines.map((l) => {
            if (rand() > 0.1 || !l.includes('"groups"')) return l;
            const o = JSON.parse(l) as { user: { groups: string[] } };
            o.user.groups = o.user.groups.slice(1);
            return JSON.stringify(o);
          });
          for (let i = 0; i < requests / 10; i++) mixed.push(lines[Math.floor(rand() * lines.length)]!);
          for (let i = 0; i < requests / 10; i++) {
            const a = Math.floor(rand() * mixed.length);
            const b = Math.floor(rand() * mixed.length);
            [mixed[a], mixed[b]] = [mixed[b]!, mixed[a]!];
          }
          const size = Math.ceil(mixed.length / files);
          const parts = Array.from({ length: files }, (_, i) => mixed.slice(i * size, (i + 1) * size));
          const read = await readAuditLog(parts.map((p) => writeLog(p)));
          const expected = oracle(mixed);
          expect(tallied(read.records)).toEqual(expected.records);
          expect(read.duplicateStages).toBe(expected.duplicates);
          expect(read.skipped).toBe(expected.warnings.length);
          expect(read.skipped).toBeGreaterThanOrEqual(3); // floor: the generator's malformed lines
          expect(read.records.length).toBeGreaterThanOrEqual(5); // floor: even 10 requests give several distinct ones
        },
      ),
      { numRuns: 30 },
    );
  });
});
