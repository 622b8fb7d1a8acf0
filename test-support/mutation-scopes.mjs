// The scopes of `pnpm mutation <scope>`: what each run mutates (product code whose tests we judge) and
// which tests judge it. Shared by stryker.config.mjs (mutate) and vitest.mutation.config.ts (tests).
// Each scope is sized to finish in well under an hour with concurrency 1 on a busy 2-core machine.
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";

const tests = (pkg) => [`packages/${pkg}/src/**/*.test.ts`, `packages/${pkg}/test/**/*.test.ts`];

/**
 * Scope name → the files it mutates and the test files that run. A mutate entry is a glob, or `file#a,b`: the
 * top-level declarations `a` and `b` of a file (functions, classes, constants), resolved to line ranges when a run
 * starts, so that reformatting or moving code within the file keeps the scope on the same code.
 */
export const SCOPES = {
  // The evaluator (the decision procedure every compiler is judged against).
  core: { mutate: ["packages/core/src/evaluator/**/*.ts"], tests: tests("core") },
  "core-evaluator": { mutate: ["packages/core/src/evaluator/evaluator.ts", "packages/core/src/evaluator/decision-scan.ts"], tests: tests("core") },
  // The rule semantics (time, scope, namespaces, names, URLs): the per-request scan.
  "core-rule-applies": { mutate: ["packages/core/src/evaluator/decision-scan.ts"], tests: tests("core") },
  // Whether one rule applies to a request (its time window, scope, namespaces, names, URLs, other verbs): the heart
  // of the scan, small enough for a run of about half an hour on a busy 2-core machine.
  "core-rule-semantics": { mutate: ["packages/core/src/evaluator/decision-scan.ts#hasOtherVerb,ruleApplies"], tests: tests("core") },
  // Source positions of JSON documents (one scan of the text) and the namespace matcher both compilers share.
  "core-positions-matcher": {
    mutate: ["packages/core/src/load/json-positions.ts", "packages/core/src/compiler/namespace-matcher.ts"],
    tests: ["packages/core/test/yaml-positions.test.ts", "packages/core/test/namespace-matcher.test.ts"],
  },
  // RBAC: the emit path alone, the proof alone, and both with the grant computation.
  "compiler-rbac-emit": { mutate: ["packages/compiler-rbac/src/emit.ts"], tests: tests("compiler-rbac") },
  // The proof: its entry, the judge of one request, and phase 1 (what each bound rule grants). The whole of
  // src/verify/ is ~540 mutants, two hours on a busy 2-core machine; the request universe and phase 2 are left out.
  "compiler-rbac-verify": {
    mutate: [
      "packages/compiler-rbac/src/verify.ts",
      "packages/compiler-rbac/src/verify/judge-request.ts",
      "packages/compiler-rbac/src/verify/granted-requests.ts#visitGrantedRequests,ruleRequests",
    ],
    tests: tests("compiler-rbac"),
  },
  "compiler-rbac": {
    mutate: [
      "packages/compiler-rbac/src/emit.ts",
      "packages/compiler-rbac/src/grants.ts",
      "packages/compiler-rbac/src/verify.ts",
      "packages/compiler-rbac/src/verify/**/*.ts",
    ],
    tests: tests("compiler-rbac"),
  },
  // ValidatingAdmissionPolicy emit paths: the CEL of access rules (the write-path policy's validations), the CEL of
  // workload validations, and the assembly of the workload policy objects (rules to validations, variables, match,
  // binding). The rest of the write-path policy's assembly (compile-access-admission.ts) and the catalogue's CEL
  // strings are left out for time.
  "compiler-vap-emit": {
    mutate: [
      "packages/compiler-vap/src/access-admission/access-cel.ts",
      "packages/compiler-vap/src/workload/validation.ts",
      "packages/compiler-vap/src/workload/compile-vap.ts#compileRules,policyObjects",
    ],
    tests: tests("compiler-vap"),
  },
  "compiler-vap": { mutate: ["packages/compiler-vap/src/workload/**/*.ts"], tests: tests("compiler-vap") },
  // NetworkPolicy: the emit of default denies and Admin-tier pod denies, and the proof (verifyNetwork: the flows,
  // ports and addresses it checks, and how it explains under-admission). The carving of allows is left out for time.
  "compiler-networkpolicy": {
    mutate: [
      "packages/compiler-networkpolicy/src/emit-denies.ts",
      "packages/compiler-networkpolicy/src/verify.ts#label,ruleName,DEFAULT_IPS,boundaries,verifyNetwork",
    ],
    tests: tests("compiler-networkpolicy"),
  },
  // The default-deny NetworkPolicies and the Admin-tier ClusterNetworkPolicy pod denies alone (110 mutants; some
  // loop until the 60 s timeout, so a run takes ~45 min on a busy 2-core machine).
  "compiler-networkpolicy-denies": { mutate: ["packages/compiler-networkpolicy/src/emit-denies.ts"], tests: tests("compiler-networkpolicy") },
  // The proof's verdict text and the blame of a mismatch on the files that caused it (small: fits a short run).
  "pipeline-prove-blame": {
    mutate: ["packages/pipeline/src/prove/blame.ts", "packages/pipeline/src/prove/format-verdict.ts"],
    tests: ["packages/pipeline/test/pipeline-api.test.ts", "packages/pipeline/test/prove-*.test.ts"],
  },
  // The tree proof of the pipeline (verify/prove): judged by the library tests that prove builds and trees.
  "pipeline-prove": {
    mutate: ["packages/pipeline/src/prove/**/*.ts"],
    tests: ["packages/pipeline/test/pipeline-api.test.ts", "packages/pipeline/test/prove-*.test.ts"],
  },
};

/** The scope named `name`; throws naming the known scopes when there is none. */
export function scopeNamed(name) {
  const scope = SCOPES[name];
  if (!scope) throw new Error(`unknown mutation scope \`${name}\`: use one of ${Object.keys(SCOPES).join(", ")}`);
  return scope;
}

/** A glob (`**`, `*`) as an anchored regular expression over `/`-separated relative paths. */
function globRegex(glob) {
  let re = "";
  for (let i = 0; i < glob.length; i++) {
    if (glob.startsWith("**/", i)) ((re += "(?:.*/)?"), (i += 2));
    else if (glob[i] === "*") re += "[^/]*";
    else re += glob[i].replace(/[.+^${}()|[\]\\?]/g, (m) => `\\${m}`);
  }
  return new RegExp(`^${re}$`);
}

function filesUnder(root, dir) {
  const full = join(root, dir);
  if (!existsSync(full) || !statSync(full).isDirectory()) return [];
  return readdirSync(full, { recursive: true }).map((f) =>
    relative(root, join(full, String(f)))
      .split("\\")
      .join("/"),
  );
}

/** The files a glob matches under `root` (searched below the glob's literal prefix). */
export function globFiles(root, glob) {
  const star = glob.indexOf("*");
  if (star < 0) return existsSync(join(root, glob)) ? [glob] : [];
  const base = glob.slice(0, glob.lastIndexOf("/", star));
  const re = globRegex(glob);
  return filesUnder(root, base).filter((f) => re.test(f));
}

/** A top-level declaration's first line: `export`, `async`, `default` aside, then the keyword and the name. */
const DECLARATION = /^(?:export\s+)?(?:default\s+)?(?:async\s+)?(?:function\*?|class|const|let|var|type|interface|enum)\s+([A-Za-z_$][\w$]*)/;

/**
 * The 1-based line range of each top-level declaration in `source`: from its first line to the last line before the
 * next line that starts in column 0 with something other than a closing bracket (blank and comment lines trimmed).
 * Prettier indents every nested line, so this holds however the file is reformatted.
 */
export function declarationRanges(source) {
  const lines = source.split("\n");
  const starts = [];
  lines.forEach((line, i) => {
    const m = DECLARATION.exec(line);
    if (m) starts.push({ name: m[1], index: i });
  });
  const ranges = new Map();
  for (const { name, index } of starts) {
    let end = index;
    for (let i = index + 1; i < lines.length; i++) {
      const line = lines[i];
      if (line === "" || /^\s/.test(line)) continue;
      if (/^[}\])]/.test(line)) end = i;
      else break;
    }
    if (end === index) while (end + 1 < lines.length && /^\s/.test(lines[end + 1])) end++;
    ranges.set(name, { from: index + 1, to: end + 1 });
  }
  return ranges;
}

/** A mutate entry split into its file pattern and the declarations it names (none: the whole file). */
function parseEntry(entry) {
  const hash = entry.indexOf("#");
  return hash < 0 ? { glob: entry, names: [] } : { glob: entry.slice(0, hash), names: entry.slice(hash + 1).split(",") };
}

/** The scope's mutate entries as Stryker takes them: globs as they are, declarations as `file:from-to` ranges. */
export function resolveMutate(root, name) {
  return scopeNamed(name).mutate.flatMap((entry) => {
    const { glob, names } = parseEntry(entry);
    if (names.length === 0) return [glob];
    const ranges = declarationRanges(readFileSync(join(root, glob), "utf8"));
    return names.filter((n) => ranges.has(n)).map((n) => `${glob}:${ranges.get(n).from}-${ranges.get(n).to}`);
  });
}

/**
 * Problems with a scope against the tree at `root`: a mutate entry that names no file, a declaration its file does
 * not have, a test pattern that matches no test. Stryker would otherwise mutate nothing there and report a score for
 * less than the scope says.
 */
export function scopeProblems(root, name) {
  const scope = scopeNamed(name);
  const problems = [];
  for (const entry of scope.mutate) {
    const { glob, names } = parseEntry(entry);
    const files = globFiles(root, glob).filter((f) => f.endsWith(".ts") && !f.endsWith(".test.ts") && !f.endsWith("/index.ts"));
    if (files.length === 0) problems.push(`\`${entry}\` names no source file`);
    else if (names.length > 0) {
      if (glob.includes("*")) problems.push(`\`${entry}\`: declarations can only be named in one file, not a glob`);
      else {
        const ranges = declarationRanges(readFileSync(join(root, glob), "utf8"));
        for (const n of names) if (!ranges.has(n)) problems.push(`\`${entry}\`: \`${glob}\` has no top-level declaration \`${n}\``);
      }
    }
  }
  if (scope.tests.every((pattern) => globFiles(root, pattern).length === 0))
    problems.push(`no test file matches ${scope.tests.map((t) => `\`${t}\``).join(", ")}`);
  return problems;
}
