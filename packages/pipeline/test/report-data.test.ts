import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createEvaluator, loadDocuments, namedSubjects, subjectRequest, type RampartDocument } from "@rampart/core";
import { buildAccessMatrix, buildReport, CellState, matrixCell, type AccessMatrix } from "@rampart/pipeline";

/** Cells compared in the property test with its fixed seed (43,128 measured); a floor against vacuous runs. */
const CHECKED_FLOOR = 15_000; // observed 29,000–43,000 over unseeded runs
const NOW = new Date("2026-06-01T00:00:00Z");
const STATE = { [CellState.Allow]: "allow", [CellState.Deny]: "deny", [CellState.Partial]: "partial" } as Record<number, string>;

function load(values: unknown[]): RampartDocument[] {
  const { documents, diagnostics } = loadDocuments(values);
  expect(diagnostics).toEqual([]);
  return documents;
}

const policy = (name: string, subjects: unknown[], rules: unknown[]) => ({
  apiVersion: "rampart.dev/v1alpha1",
  kind: "AccessPolicy",
  metadata: { name },
  spec: { subjects, rules },
});

/** Decoded cells: `subject|resource|verb` → `state rules [namespaces]`. */
function decode(m: AccessMatrix): Record<string, string> {
  const out: Record<string, string> = {};
  m.subjects.forEach((subject, s) =>
    m.resources.forEach((resource, r) =>
      m.verbs.forEach((verb, v) => {
        const c = matrixCell(m, s, r, v);
        if (!c) return;
        const rules = c.rules.map((id) => `${m.rules[id]!.policy}#${m.rules[id]!.rule}`).join(",");
        out[`${subject}|${resource}|${verb}`] = `${STATE[c.state]} ${rules}${c.namespaces ? ` [${c.namespaces.map((n) => m.namespaces[n]).join(",")}]` : ""}`;
      }),
    ),
  );
  return out;
}

describe("buildAccessMatrix", () => {
  const docs = load([
    policy(
      "team",
      [{ group: "team-a" }, { user: "<img src=x onerror=alert(1)>" }],
      [
        { effect: "allow", verbs: ["get", "list"], resources: ["pods"], namespaces: ["team-a"] },
        { effect: "allow", verbs: ["get"], resources: ["secrets"], namespaces: ["team-a"], names: ["app-config"] },
        { effect: "deny", verbs: ["delete"], resources: ["namespaces"] },
      ],
    ),
  ]);

  it("lists subjects, reachable resources, verbs and namespace classes, and decides each cell with its rules", () => {
    const m = buildAccessMatrix(docs, { now: NOW });
    expect(m.subjects).toEqual(["Group team-a", "User <img src=x onerror=alert(1)>"]);
    expect(m.resources).toEqual(["namespaces", "pods", "secrets"]);
    expect(m.namespaced).toEqual([false, true, true]);
    expect(m.verbs).toEqual(["get", "list", "watch", "create", "update", "patch", "delete", "deletecollection"]);
    expect(m.namespaces).toEqual(["team-a", "*"]);
    const cells = {
      "|namespaces|delete": "deny team#2",
      "|pods|get": "partial team#0 [team-a]",
      "|pods|list": "partial team#0 [team-a]",
      "|secrets|get": "partial team#1",
    };
    const expected: Record<string, string> = {};
    for (const s of m.subjects) for (const [k, v] of Object.entries(cells)) expected[s + k] = v;
    expect(decode(m)).toEqual(expected);
    expect(m.rules.map((r) => [r.policy, r.rule, r.effect, r.text])).toEqual([
      ["team", 2, "deny", "delete on namespaces cluster-wide"],
      ["team", 0, "allow", "get, list on pods in namespaces team-a"],
      ["team", 1, "allow", "get on secrets named app-config in namespaces team-a"],
    ]);
  });

  it("shares one profile between subjects with the same access, and stores no row for a subject without rules", () => {
    const m = buildAccessMatrix(docs, { now: NOW });
    expect(m.subjectProfile).toEqual([0, 0]);
    expect(m.profiles).toHaveLength(1);
    expect(m.profiles[0]).toEqual([0, 0, 1, 1, 2, 2]);
    expect(m.patterns).toEqual([
      [-1, -1, -1, -1, -1, -1, 0, -1],
      [1, 1, -1, -1, -1, -1, -1, -1],
      [2, -1, -1, -1, -1, -1, -1, -1],
    ]);
  });

  it("decides a name pattern for a sample name: exec into `lead-*` pods is partial, not a default deny", () => {
    const m = buildAccessMatrix(
      load([policy("p", [{ user: "u" }], [{ effect: "allow", verbs: ["get", "create"], resources: ["pods/exec"], namespaces: ["t"], names: ["lead-*"] }])]),
      { now: NOW },
    );
    expect(decode(m)).toEqual({ "User u|pods/exec|get": "partial p#0" });
  });

  it("marks a cell partial over names when only some names are allowed in every namespace", () => {
    const m = buildAccessMatrix(
      load([policy("p", [{ user: "u" }], [{ effect: "allow", verbs: ["get"], resources: ["configmaps"], namespaces: ["*"], names: ["a"] }])]),
      { now: NOW },
    );
    expect(decode(m)).toEqual({ "User u|configmaps|get": "partial p#0" });
  });

  it("agrees with the evaluator on every cell, namespace class and name for random policies", () => {
    const verb = fc.constantFrom("get", "list", "delete", "*");
    const resource = fc.constantFrom("pods", "secrets", "deployments.apps", "namespaces", "*");
    const rule = fc.record({
      effect: fc.constantFrom("allow", "deny"),
      verbs: fc.uniqueArray(verb, { minLength: 1, maxLength: 2 }),
      resources: fc.uniqueArray(resource, { minLength: 1, maxLength: 2 }),
      namespaces: fc.option(fc.uniqueArray(fc.constantFrom("a", "b", "team-*", "*"), { minLength: 1, maxLength: 2 }), { nil: undefined }),
      names: fc.option(fc.uniqueArray(fc.constantFrom("x", "y", "lead-*"), { minLength: 1, maxLength: 2 }), { nil: undefined }),
    });
    const subject = fc.constantFrom({ user: "u" }, { group: "g" }, { serviceAccount: "a/sa" }, { group: "system:serviceaccounts:a" });
    const pol = fc.record({
      subjects: fc.uniqueArray(subject, { minLength: 1, maxLength: 2, selector: (s) => JSON.stringify(s) }),
      rules: fc.array(rule, { minLength: 1, maxLength: 3 }),
    });
    let checkedCells = 0;
    fc.assert(
      fc.property(fc.array(pol, { minLength: 1, maxLength: 3 }), (ps) => {
        const values = ps.map((p, i) =>
          policy(
            `p${i}`,
            p.subjects,
            p.rules.map((r) => Object.fromEntries(Object.entries(r).filter(([, v]) => v !== undefined))),
          ),
        );
        const { documents, diagnostics } = loadDocuments(values);
        if (diagnostics.some((d) => d.severity === "error")) return;
        const m = buildAccessMatrix(documents, { now: NOW });
        const ev = createEvaluator(documents, { now: NOW });
        const subjects = namedSubjects(documents);
        subjects.forEach((s, si) =>
          m.resources.forEach((res, ri) =>
            m.verbs.forEach((v, vi) => {
              const [main, group = ""] = res.split(/\.(.*)/s) as [string, string?];
              const nss = m.namespaced[ri] ? m.namespaces.map((n) => (n === "*" ? "zz-other" : n.replace("*", "x"))) : [""];
              const names = ["list", "watch", "create", "deletecollection"].includes(v) ? [""] : ["x", "y", "lead-x", "other-name"];
              const perNs = nss.map((ns) =>
                names.map((name) => ev.decide(subjectRequest(s, { verb: v, apiGroup: group, resource: main, namespace: ns, name }))),
              );
              const flat = perNs.flat();
              const allows = flat.filter((d) => d.decision === "allow").length;
              const want = allows === flat.length ? CellState.Allow : allows === 0 ? CellState.Deny : CellState.Partial;
              const cell = matrixCell(m, si, ri, vi);
              checkedCells++;
              if (cell === undefined) {
                expect(want).toBe(CellState.Deny);
                expect(flat.every((d) => d.matched.length === 0)).toBe(true);
                return;
              }
              expect(cell.state).toBe(want);
              const wholly = perNs.every((ds) => ds.every((d) => d.decision === "allow") || ds.every((d) => d.decision === "deny"));
              if (want === CellState.Partial && m.namespaced[ri] && wholly) {
                expect(cell.namespaces).toEqual(nss.map((_, i) => i).filter((i) => perNs[i]!.some((d) => d.decision === "allow")));
              } else expect(cell.namespaces).toBeUndefined();
              const ruleKeys = new Set(flat.flatMap((d) => d.matched.map((x) => `${x.policy}#${x.rule}`)));
              expect(new Set(cell.rules.map((id) => `${m.rules[id]!.policy}#${m.rules[id]!.rule}`))).toEqual(ruleKeys);
            }),
          ),
        );
      }),
      { numRuns: 40, ...(process.env.RAMPART_FC_SEED ? { seed: Number(process.env.RAMPART_FC_SEED) } : {}) },
    );
    expect(checkedCells).toBeGreaterThanOrEqual(CHECKED_FLOOR);
  });
});

describe("buildReport", () => {
  const traffic = {
    apiVersion: "rampart.dev/v1alpha1",
    kind: "TrafficPolicy",
    metadata: { name: "shop" },
    spec: {
      namespaces: ["shop"],
      defaultDeny: ["ingress"],
      allow: [{ direction: "ingress", to: { pods: { app: "api" } }, from: [{ pods: { app: "web" } }], ports: ["8080/TCP"] }],
      deny: [{ direction: "ingress", to: { pods: { app: "db" } }, from: [{ pods: { app: "web" } }] }],
    },
  };
  const clusters = ["eu", "us"].map((name) => ({ apiVersion: "rampart.dev/v1alpha1", kind: "Cluster", metadata: { name }, spec: { tags: { region: name } } }));

  it("gives each cluster its matrix, the traffic graph with allowed and denied flows, and is deterministic", () => {
    const docs = load([
      ...clusters,
      traffic,
      policy("ops", [{ group: "ops" }], [{ effect: "allow", verbs: ["get"], resources: ["pods"], namespaces: ["shop"] }]),
    ]);
    const data = buildReport(docs, { now: NOW });
    expect(data.clusters.map((c) => c.name)).toEqual(["eu", "us"]);
    const g = data.clusters[0]!.traffic;
    expect(g.source).toBe("policies");
    expect(g.nodes.map((n) => n.label)).toEqual(["shop/all pods", "shop/app=api", "shop/app=db", "shop/app=web"]);
    const edges = g.edges.map((e) => `${g.nodes[e.from]!.label} -> ${g.nodes[e.to]!.label} ${e.kind} ${e.conns} ${e.rules.join(",")}`);
    expect(edges).toContain("shop/app=web -> shop/app=api allow TCP 8080 NetworkPolicy shop/rampart-shop-allow-0");
    expect(edges).toContain("shop/app=web -> shop/app=db deny  shop deny[0]");
    expect(edges.filter((e) => e.includes(" deny "))).toEqual(["shop/app=web -> shop/app=db deny  shop deny[0]"]);
    expect(JSON.stringify(buildReport(docs, { now: NOW }))).toBe(JSON.stringify(data));
  });
});
