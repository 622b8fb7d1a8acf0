// The write-path admission policy on subjects and messages (found by mutation testing of access-cel.ts): a
// ServiceAccount subject, a policy with users and groups (whose `||` must stay inside the subject's condition),
// and the words of each deny message.
import { describe, expect, it } from "vitest";
import { accessPolicy, allow, createInventory, deny, type AccessRequest, type RampartDocument } from "@rampart/core";
import { compileAccessAdmission } from "../src/access-admission/compile-access-admission.js";
import { evaluateAccessAdmission } from "../src/access-admission/evaluate-access-admission.js";
import { combinedWriteLayers, docs, NOW } from "./helpers.js";

const inventory = createInventory({ namespaces: ["team-a", "ci"] });

const combined = (documents: RampartDocument[]) => combinedWriteLayers(documents, inventory);

const messages = (documents: RampartDocument[], r: AccessRequest) =>
  evaluateAccessAdmission(compileAccessAdmission(documents, { inventory, now: NOW }).objects, r).messages;

describe("write-path admission: subjects", () => {
  it("a ServiceAccount subject writes the names its rule allows, and no other", () => {
    const documents = docs([
      accessPolicy("ci", {
        subjects: [{ serviceAccount: "ci/deployer" }],
        rules: [allow({ verbs: ["create", "delete"], resources: ["pods"], namespaces: ["team-a"], names: ["ci-*"] })],
      }),
    ]);
    const ok = combined(documents);
    const sa = (name: string): AccessRequest => ({
      user: "system:serviceaccount:ci:deployer",
      groups: ["system:serviceaccounts"],
      verb: "create",
      resource: "pods",
      namespace: "team-a",
      name,
    });
    expect(ok(sa("ci-1"))).toBe(true);
    expect(ok(sa("web-1"))).toBe(false);
    expect(ok({ ...sa("ci-1"), user: "system:serviceaccount:ci:other" })).toBe(false);
  });

  it("a deny of a policy with users and groups applies only to its own resources and names, for each subject", () => {
    const documents = docs([
      accessPolicy("web", {
        subjects: [{ user: "ann" }, { group: "web" }],
        rules: [
          allow({ verbs: ["create", "delete"], resources: ["pods", "configmaps"], namespaces: ["team-a"] }),
          deny({ verbs: ["delete"], resources: ["pods"], namespaces: ["team-a"], names: ["nginx*"] }),
        ],
      }),
    ]);
    const ok = combined(documents);
    for (const who of [{ user: "ann" }, { user: "bob", groups: ["web"] }]) {
      const req = (resource: string, name: string): AccessRequest => ({ ...who, verb: "delete", resource, namespace: "team-a", name });
      expect(ok(req("pods", "nginx-1")), JSON.stringify(who)).toBe(false);
      expect(ok(req("pods", "api-1")), JSON.stringify(who)).toBe(true);
      expect(ok(req("configmaps", "nginx-1")), JSON.stringify(who)).toBe(true);
      expect(ok({ ...req("pods", "nginx-1"), verb: "create" }), JSON.stringify(who)).toBe(true);
    }
  });
});

describe("write-path admission: deny messages", () => {
  const denied = (rule: Parameters<typeof deny>[0], r: Partial<AccessRequest> = {}) => {
    const documents = docs([
      accessPolicy("web", {
        subjects: [{ user: "ann" }],
        rules: [allow({ verbs: ["*"], resources: ["*"], namespaces: ["team-a"] }), deny(rule)],
      }),
    ]);
    return messages(documents, { user: "ann", verb: "delete", resource: "pods", namespace: "team-a", name: "nginx-1", ...r });
  };

  it("name the rule's write verbs (not its reads), resources and names, each list joined with commas", () => {
    expect(denied({ verbs: ["get", "delete"], resources: ["pods", "configmaps"], namespaces: ["team-a"], names: ["nginx*", "web*"] })).toEqual([
      "rampart: ann may not delete pods team-a/nginx-1: denied by rule 1 of AccessPolicy `web` (delete on pods, configmaps named nginx*, web*)",
    ]);
  });

  it("a rule without names says no names", () => {
    expect(denied({ verbs: ["delete", "create"], resources: ["pods"], namespaces: ["team-a"] })).toEqual([
      "rampart: ann may not delete pods team-a/nginx-1: denied by rule 1 of AccessPolicy `web` (delete, create on pods)",
    ]);
  });

  it("a deny of an exec subresource names connect", () => {
    const out = denied({ verbs: ["*"], resources: ["pods/exec"], namespaces: ["team-a"] }, { verb: "create", subresource: "exec" });
    expect(out).toEqual([
      "rampart: ann may not connect pods/exec team-a/nginx-1: denied by rule 1 of AccessPolicy `web` (create, update, patch, delete, connect on pods/exec)",
    ]);
  });
});
