// Renders every Kustomize overlay under deploy/k8s/overlays with `kubectl kustomize`, and every overlay
// again with each optional component of deploy/k8s/components (e.g. prod+monitoring), and checks each
// object offline:
//   1. against the Kubernetes API schemas (npm kubernetes-models), CloudNativePG's
//      (@kubernetes-models/cloudnative-pg) and the Prometheus Operator's
//      (@kubernetes-models/prometheus-operator); an object of an unknown kind fails;
//   2. against the hub's rules: every long-running container has startup, liveness and readiness
//      probes, CPU and memory requests and limits, no privilege escalation and a read-only root
//      filesystem, in a pod that runs as non-root; every Deployment has a PodDisruptionBudget;
//   3. every HUB_* variable a manifest sets is in the README's configuration table;
//   4. the PrometheusRule carries exactly the rule groups of deploy/monitoring/prometheus/alerts.yml.
// Nothing is downloaded and no cluster is contacted. Exit status 1 lists every problem.
//
//   node validate.mjs [overlay-dir ...]
import { execFileSync } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { isDeepStrictEqual } from "node:util";
import { parse, parseAllDocuments, stringify } from "yaml";

const here = dirname(fileURLToPath(import.meta.url));
export const root = resolve(here, "../../..");

/** The module that holds the model of an apiVersion, from the npm packages installed beside this script. */
async function modelsFor(apiVersion) {
  const candidates = apiVersion.includes("cnpg.io")
    ? [`@kubernetes-models/cloudnative-pg/${apiVersion}`]
    : apiVersion.startsWith("monitoring.coreos.com/")
      ? [`@kubernetes-models/prometheus-operator/${apiVersion}`]
      : [`kubernetes-models/${apiVersion}`];
  for (const name of candidates) {
    try {
      return await import(name);
    } catch {
      // not a known group/version
    }
  }
  return null;
}

export function render(overlayDir) {
  const out = execFileSync("kubectl", ["kustomize", overlayDir], { encoding: "utf8" });
  return parseAllDocuments(out).map((d) => d.toJS()).filter(Boolean);
}

/**
 * An overlay with an optional component added, rendered as the overlay would with the component listed under
 * its components: a copy of the overlay beside this script (the same depth, so its relative paths still
 * hold) whose kustomization names the component too.
 */
export function renderWith(overlayDir, componentDir) {
  const dir = mkdtempSync(join(here, ".render-"));
  try {
    cpSync(overlayDir, dir, { recursive: true });
    const file = join(dir, "kustomization.yaml");
    const kustomization = parse(readFileSync(file, "utf8"));
    kustomization.components = [...(kustomization.components ?? []), relative(dir, componentDir)];
    writeFileSync(file, stringify(kustomization));
    return render(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The rule groups of deploy/monitoring/prometheus/alerts.yml, which the PrometheusRule must carry. */
export function alertGroups() {
  return parse(readFileSync(join(root, "deploy/monitoring/prometheus/alerts.yml"), "utf8")).groups;
}

const WORKLOADS = { Deployment: true, StatefulSet: true, DaemonSet: true, Job: false, CronJob: false };

function podSpecOf(obj) {
  if (obj.kind === "CronJob") return obj.spec?.jobTemplate?.spec?.template?.spec;
  return obj.spec?.template?.spec;
}

function quantityPresent(resources, kind, name) {
  return resources?.[kind]?.[name] !== undefined;
}

/** The hub's rules for one workload; answers problems as strings. */
function workloadProblems(obj) {
  const problems = [];
  const where = `${obj.kind}/${obj.metadata?.name}`;
  const spec = podSpecOf(obj) ?? {};
  const longRunning = WORKLOADS[obj.kind];
  if (spec.securityContext?.runAsNonRoot !== true) {
    problems.push(`${where}: pod securityContext.runAsNonRoot must be true`);
  }
  for (const c of spec.containers ?? []) {
    const at = `${where} container ${c.name}`;
    if (longRunning) {
      for (const probe of ["startupProbe", "livenessProbe", "readinessProbe"]) {
        if (!c[probe]) problems.push(`${at}: no ${probe}`);
      }
    }
    for (const kind of ["requests", "limits"]) {
      for (const name of ["cpu", "memory"]) {
        if (!quantityPresent(c.resources, kind, name)) problems.push(`${at}: no resources.${kind}.${name}`);
      }
    }
    if (c.securityContext?.readOnlyRootFilesystem !== true) {
      problems.push(`${at}: securityContext.readOnlyRootFilesystem must be true`);
    }
    if (c.securityContext?.allowPrivilegeEscalation !== false) {
      problems.push(`${at}: securityContext.allowPrivilegeEscalation must be false`);
    }
  }
  return problems;
}

function selects(selector, labels) {
  return Object.entries(selector?.matchLabels ?? {}).every(([k, v]) => labels?.[k] === v);
}

/** The HUB_* names in the README's configuration table. */
export function documentedVariables(readme) {
  const names = new Set();
  for (const line of readme.split("\n")) {
    const m = line.match(/^\|\s*`(HUB_[A-Z0-9_]+)`\s*\|/);
    if (m) names.add(m[1]);
  }
  return names;
}

function hubVariables(obj) {
  const names = [];
  if (obj.kind === "ConfigMap") names.push(...Object.keys(obj.data ?? {}).filter((k) => k.startsWith("HUB_")));
  for (const c of podSpecOf(obj)?.containers ?? []) {
    names.push(...(c.env ?? []).map((e) => e.name).filter((n) => n.startsWith("HUB_")));
  }
  return names;
}

/** Every problem with one rendered overlay. */
export async function check(objects, readme, label = "overlay") {
  const problems = [];
  const documented = documentedVariables(readme);
  for (const obj of objects) {
    const where = `${label}: ${obj.kind}/${obj.metadata?.name}`;
    const models = obj.apiVersion ? await modelsFor(obj.apiVersion) : null;
    const Model = models?.[obj.kind];
    if (!Model) {
      problems.push(`${where}: no schema for ${obj.apiVersion} ${obj.kind}`);
      continue;
    }
    try {
      new Model(obj).validate();
    } catch (e) {
      problems.push(`${where}: invalid: ${e.message}`);
    }
    if (obj.kind in WORKLOADS) problems.push(...workloadProblems(obj).map((p) => `${label}: ${p}`));
    if (obj.kind === "PrometheusRule" && !isDeepStrictEqual(obj.spec?.groups, alertGroups())) {
      problems.push(`${where}: its rule groups differ from deploy/monitoring/prometheus/alerts.yml`);
    }
    for (const name of hubVariables(obj)) {
      if (!documented.has(name)) problems.push(`${where}: sets ${name}, which the README's configuration table does not list`);
    }
  }
  const pdbs = objects.filter((o) => o.kind === "PodDisruptionBudget");
  for (const d of objects.filter((o) => o.kind === "Deployment")) {
    const labels = d.spec?.template?.metadata?.labels;
    if (!pdbs.some((p) => selects(p.spec?.selector, labels))) {
      problems.push(`${label}: Deployment/${d.metadata?.name}: no PodDisruptionBudget selects it`);
    }
  }
  return problems;
}

function subdirectories(dir) {
  return readdirSync(dir, { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => join(dir, e.name));
}

export function overlays() {
  return subdirectories(join(root, "deploy/k8s/overlays"));
}

export function components() {
  return subdirectories(join(root, "deploy/k8s/components"));
}

/** What to render: each overlay as it is, then with each component; or the overlay directories named. */
export function targets(dirs) {
  if (dirs.length) return dirs.map((dir) => ({ label: dir.replace(root + "/", ""), objects: () => render(dir) }));
  const name = (d) => d.replace(root + "/", "");
  return [
    ...overlays().map((o) => ({ label: name(o), objects: () => render(o) })),
    ...overlays().flatMap((o) => components().map((c) => ({
      label: `${name(o)} + ${name(c)}`, objects: () => renderWith(o, c) }))),
  ];
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const readme = readFileSync(join(root, "README.md"), "utf8");
  let failed = 0;
  for (const { label, objects: renderIt } of targets(process.argv.slice(2))) {
    const objects = renderIt();
    const problems = await check(objects, readme, label);
    if (problems.length) {
      failed += problems.length;
      problems.forEach((p) => console.error(`FAIL ${p}`));
    } else {
      console.log(`ok   ${label}: ${objects.length} objects valid`);
    }
  }
  process.exit(failed ? 1 : 0);
}
