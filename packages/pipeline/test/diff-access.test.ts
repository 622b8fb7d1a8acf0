import { createInventory, loadDocuments, type RampartDocument } from "@rampart/core";
import { diffAccess, formatDiffMarkdown, formatDiffText, hasNewAccess, semanticDiff } from "@rampart/pipeline";
import { describe, expect, it } from "vitest";

const NOW = new Date("2026-06-01T00:00:00Z");

function docs(...values: unknown[]): RampartDocument[] {
  const r = loadDocuments(values);
  expect(r.diagnostics).toEqual([]);
  return r.documents;
}

const policy = (name: string, subjects: unknown[], rules: unknown[]) => ({
  apiVersion: "rampart.dev/v1alpha1",
  kind: "AccessPolicy",
  metadata: { name },
  spec: { subjects, rules },
});
const inventory = createInventory({ namespaces: ["team-b", "kube-system"], objects: { pods: { "team-b": ["prod-db-0", "web-1"] } } });
const devs = policy("devs", [{ group: "team-a" }], [{ effect: "allow", verbs: ["delete"], resources: ["pods"], namespaces: ["team-*"] }]);
const guard = policy("guardrails", [{ group: "team-a" }], [{ effect: "deny", verbs: ["delete"], resources: ["pods"], names: ["prod-db-*"] }]);

describe("diffAccess", () => {
  it("lists a new deny by name pattern as one class, with the collection (empty name) it also denies", () => {
    const changes = diffAccess({ documents: docs(devs), inventory }, { documents: docs(devs, guard), inventory }, "default", NOW);
    expect(changes).toEqual([
      {
        subject: { kind: "Group", name: "team-a" },
        verbs: ["delete"],
        apiGroup: "",
        resource: "pods",
        subresource: "",
        namespaces: ["team-*"],
        names: ["", "prod-db-*"],
        before: "allow",
        after: "deny",
        because: { before: [{ policy: "devs", rule: 0 }], after: [{ policy: "guardrails", rule: 0 }] },
        example: { user: "", groups: ["team-a"], verb: "delete", apiGroup: "", resource: "pods", subresource: "", namespace: "team-b", name: "prod-db-0" },
      },
    ]);
  });

  it("says `except` where a changed class is a glob minus a narrower one that did not change", () => {
    const base = docs(
      policy(
        "p",
        [{ user: "bob" }],
        [
          { effect: "allow", verbs: ["get"], resources: ["secrets"], namespaces: ["*"] },
          { effect: "deny", verbs: ["get"], resources: ["secrets"], namespaces: ["*"], names: ["prod-db-*"] },
        ],
      ),
    );
    const head = docs(
      policy(
        "p",
        [{ user: "bob" }],
        [
          { effect: "allow", verbs: ["get"], resources: ["secrets"], namespaces: ["*"] },
          { effect: "deny", verbs: ["get"], resources: ["secrets"], namespaces: ["*"], names: ["prod-db-*"] },
          { effect: "deny", verbs: ["get"], resources: ["secrets"], names: ["prod-*"] },
        ],
      ),
    );
    const changes = diffAccess({ documents: base, inventory }, { documents: head, inventory }, "default", NOW);
    expect(
      changes.map((c) => [c.subject.name, c.verbs, c.resource, c.namespaces, c.exceptNamespaces, c.names, c.exceptNames, c.before, c.after, c.because.after]),
    ).toEqual([["bob", ["get"], "secrets", ["", "*"], undefined, ["prod-*"], ["prod-db-*"], "allow", "deny", [{ policy: "p", rule: 2 }]]]);
  });

  it("merges verbs with the same change and lists nothing for a rename or a reordering", () => {
    const a = policy("a", [{ serviceAccount: "ci/deployer" }], [{ effect: "allow", verbs: ["get", "list"], resources: ["configmaps"], namespaces: ["ci"] }]);
    const renamed = policy(
      "b",
      [{ serviceAccount: "ci/deployer" }],
      [{ effect: "allow", verbs: ["list", "get"], resources: ["configmaps"], namespaces: ["ci"] }],
    );
    expect(diffAccess({ documents: docs(a), inventory }, { documents: docs(renamed), inventory }, "default", NOW)).toEqual([]);
    const widened = policy(
      "a",
      [{ serviceAccount: "ci/deployer" }],
      [{ effect: "allow", verbs: ["get", "list", "watch", "update"], resources: ["configmaps"], namespaces: ["ci"] }],
    );
    const changes = diffAccess({ documents: docs(a), inventory }, { documents: docs(widened), inventory }, "default", NOW);
    expect(changes.map((c) => [c.subject, c.verbs, c.namespaces, c.names, c.before, c.after, c.example.user])).toEqual([
      [
        { kind: "ServiceAccount", name: "deployer", namespace: "ci" },
        ["update", "watch"],
        ["ci"],
        ["", "*"],
        "deny",
        "allow",
        "system:serviceaccount:ci:deployer",
      ],
    ]);
  });

  it("names cluster-scoped resources with the empty namespace only", () => {
    const head = docs(policy("ops", [{ user: "ann" }], [{ effect: "allow", verbs: ["get"], resources: ["nodes"] }]));
    const changes = diffAccess({ documents: [], inventory }, { documents: head, inventory }, "default", NOW);
    expect(changes.map((c) => [c.subject.name, c.verbs, c.resource, c.namespaces, c.names])).toEqual([["ann", ["get"], "nodes", [""], ["", "*"]]]);
  });

  it("lists non-resource URLs as URL globs", () => {
    const base = docs(policy("mon", [{ user: "prom" }], [{ effect: "allow", verbs: ["get"], nonResourceURLs: ["/metrics*"] }]));
    const head = docs(
      policy(
        "mon",
        [{ user: "prom" }],
        [
          { effect: "allow", verbs: ["get"], nonResourceURLs: ["/metrics*", "/healthz"] },
          { effect: "deny", verbs: ["*"], nonResourceURLs: ["/metrics/debug*"] },
        ],
      ),
    );
    const changes = diffAccess({ documents: base, inventory }, { documents: head, inventory }, "default", NOW);
    expect(changes.map((c) => [c.verbs, c.resource, c.nonResourceURLs, c.exceptNonResourceURLs, c.before, c.after, c.example.nonResourceURL])).toEqual([
      [["get"], "", ["/healthz"], undefined, "deny", "allow", "/healthz"],
      [["get"], "", ["/metrics/debug*"], undefined, "allow", "deny", "/metrics/debug"],
    ]);
  });
});

describe("semanticDiff", () => {
  it("summarises, renders and flags new access", async () => {
    const { diff, diagnostics } = await semanticDiff(docs(devs, guard), docs(devs), { now: NOW, inventory });
    expect(diagnostics).toEqual([]);
    expect(diff.summary).toEqual({ newAccess: 1, removedAccess: 0, newFlows: 0, removedFlows: 0, newlyDenied: 0, newlyAdmitted: 0 });
    expect(hasNewAccess(diff)).toBe(true);
    expect(formatDiffText(diff)).toEqual([
      "cluster default:",
      "  group team-a:",
      '    + delete pods in namespaces team-* names "",prod-db-*: deny → allow (before: guardrails[0]; after: devs[0])',
      "1 new and 0 removed access classes, 0 new and 0 removed flows, 0 manifests newly denied and 0 newly admitted",
    ]);
    const md = formatDiffMarkdown(diff);
    expect(md).toContain(
      '### New access (1)\n\n- **group team-a** (1)\n  - `delete pods in namespaces team-* names "",prod-db-*: deny → allow (before: guardrails[0]; after: devs[0])`',
    );
  });

  it("folds a long section into a collapsed list", async () => {
    const head = docs(policy("many", [{ user: "u" }], [{ effect: "allow", verbs: ["get"], resources: ["*"] }]));
    const { diff } = await semanticDiff([], head, { now: NOW, inventory });
    const md = formatDiffMarkdown(diff, { limit: 5 });
    const more = diff.summary.newAccess + 1 - 5; // one subject line plus one line per class
    expect(md).toContain(`<details><summary>${more} more</summary>`);
  });

  it("rejects an unknown cluster", async () => {
    const { diagnostics } = await semanticDiff([], [], { cluster: "prod" });
    expect(diagnostics.map((d) => [d.code, d.message])).toEqual([["unknown-cluster", "unknown cluster `prod`; the policies define `default`"]]);
  });
});
