import { readFileSync } from "node:fs";
import { expect, it } from "vitest";
import { conformancePath, describeConformance } from "../../../test-support/conformance.js";
import { createRbacAuthorizer, ruleAllows, subjectApplies } from "@rampart/compiler-rbac";
import { referenceRbacAllows } from "../../../test-support/rbac-reference.js";

type Vectors = {
  ruleMatches: { name: string; rule: never; request: never; allowed: boolean }[];
  authorizer: { objects: never[]; cases: { user: { name: string; groups: string[] }; request: Record<string, unknown>; allowed: boolean }[] }[];
  appliesTo: { name: string; subjects: never[]; user: { name: string; groups: string[] }; bindingNamespace: string; applies: boolean }[];
};

describeConformance("rbac", "RBAC authorizer against rbac/vectors.json (upstream authorizer tests)", () => {
  it("agrees on all 138 cases", () => {
    const v = JSON.parse(readFileSync(conformancePath("rbac/vectors.json"), "utf8")) as Vectors;
    const total = v.ruleMatches.length + v.appliesTo.length + v.authorizer.reduce((n, a) => n + a.cases.length, 0);
    const failures: string[] = [];
    for (const c of v.ruleMatches) {
      const req = c.request as Record<string, unknown>;
      const got = ruleAllows(c.rule, { user: "", groups: [], ...req, resourceRequest: req.resourceRequest === true } as never);
      if (got !== c.allowed) failures.push(`ruleMatches ${c.name}: expected ${c.allowed}`);
    }
    for (const c of v.appliesTo) {
      const got = c.subjects.some((s) => subjectApplies(s, c.user.name, c.user.groups, c.bindingNamespace));
      if (got !== c.applies) failures.push(`appliesTo ${c.name}: expected ${c.applies}`);
    }
    v.authorizer.forEach((a, i) => {
      const authz = createRbacAuthorizer(a.objects);
      for (const c of a.cases) {
        const got = authz.allows({ user: c.user.name, groups: c.user.groups, ...c.request, resourceRequest: c.request.resourceRequest === true } as never);
        if (got !== c.allowed) failures.push(`authorizer[${i}] ${JSON.stringify(c)}: expected ${c.allowed}`);
      }
    });
    expect(failures).toEqual([]);
    expect(total).toBe(138);
  });

  it("the test-support RBAC reference (the property tests' oracle) agrees on every authorizer case", () => {
    const v = JSON.parse(readFileSync(conformancePath("rbac/vectors.json"), "utf8")) as Vectors;
    const failures: string[] = [];
    let cases = 0;
    v.authorizer.forEach((a, i) => {
      for (const c of a.cases) {
        cases++;
        const got = referenceRbacAllows(a.objects, {
          user: c.user.name,
          groups: c.user.groups,
          ...c.request,
          resourceRequest: c.request.resourceRequest === true,
        } as never);
        if (got !== c.allowed) failures.push(`authorizer[${i}] ${JSON.stringify(c)}: expected ${c.allowed}`);
      }
    });
    expect(failures).toEqual([]);
    expect(cases).toBe(AUTHORIZER_CASES);
  });
});
/** Authorizer cases of rbac/vectors.json at the pinned corpus revision. */
const AUTHORIZER_CASES = 31;
