// The check itself: it passes on the real manifests and fails on each kind of breakage it exists for.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { check, components, overlays, render, renderWith, root } from "./validate.mjs";

const readme = readFileSync(join(root, "README.md"), "utf8");
const prod = render(join(root, "deploy/k8s/overlays/prod"));
const monitored = renderWith(join(root, "deploy/k8s/overlays/prod"), join(root, "deploy/k8s/components/monitoring"));

function copy() {
  return structuredClone(prod);
}

function container(objects, deployment) {
  return objects.find((o) => o.kind === "Deployment" && o.metadata.name === deployment).spec.template.spec.containers[0];
}

test("every overlay passes", async () => {
  for (const dir of overlays()) {
    assert.deepEqual(await check(render(dir), readme, dir), [], dir);
  }
});

test("a missing probe fails", async () => {
  for (const probe of ["readinessProbe", "livenessProbe", "startupProbe"]) {
    const objects = copy();
    delete container(objects, "intake")[probe];
    const problems = await check(objects, readme);
    assert.equal(problems.length, 1, problems.join("\n"));
    assert.match(problems[0], new RegExp(`Deployment/intake container intake: no ${probe}`));
  }
});

test("a container without limits fails", async () => {
  const objects = copy();
  delete container(objects, "processor").resources.limits;
  const problems = await check(objects, readme);
  assert.deepEqual(problems.map((p) => p.replace(/^.*container processor: /, "")),
    ["no resources.limits.cpu", "no resources.limits.memory"]);
});

test("a writable root filesystem or a root pod fails", async () => {
  const objects = copy();
  container(objects, "processor").securityContext.readOnlyRootFilesystem = false;
  objects.find((o) => o.metadata.name === "intake" && o.kind === "Deployment").spec.template.spec.securityContext = {};
  const problems = await check(objects, readme);
  assert.equal(problems.length, 2, problems.join("\n"));
  assert.ok(problems.some((p) => p.includes("readOnlyRootFilesystem")));
  assert.ok(problems.some((p) => p.includes("runAsNonRoot")));
});

test("an object that breaks the API schema fails", async () => {
  const objects = copy();
  objects.find((o) => o.kind === "Deployment").spec.replicas = "three";
  objects.find((o) => o.kind === "Service").spec.ports[0].port = "http";
  const problems = await check(objects, readme);
  assert.equal(problems.filter((p) => p.includes("invalid")).length, 2, problems.join("\n"));
});

test("an unknown kind fails", async () => {
  const objects = copy();
  objects.push({ apiVersion: "example.com/v1", kind: "Widget", metadata: { name: "w" } });
  const problems = await check(objects, readme);
  assert.deepEqual(problems, ["overlay: Widget/w: no schema for example.com/v1 Widget"]);
});

test("a deployment without a disruption budget fails", async () => {
  const objects = copy().filter((o) => !(o.kind === "PodDisruptionBudget" && o.metadata.name === "processor"));
  const problems = await check(objects, readme);
  assert.deepEqual(problems, ["overlay: Deployment/processor: no PodDisruptionBudget selects it"]);
});

test("a variable the README does not document fails", async () => {
  const objects = copy();
  objects.find((o) => o.kind === "ConfigMap").data.HUB_SECRET_TURBO = "1";
  const problems = await check(objects, readme);
  assert.equal(problems.length, 1);
  assert.match(problems[0], /HUB_SECRET_TURBO/);
});

test("every overlay with each optional component passes, and the monitoring component adds its objects", async () => {
  assert.ok(components().some((c) => c.endsWith("components/monitoring")));
  for (const dir of overlays()) {
    for (const component of components()) {
      assert.deepEqual(await check(renderWith(dir, component), readme, dir), [], `${dir} + ${component}`);
    }
  }
  const added = monitored.filter((o) => o.apiVersion === "monitoring.coreos.com/v1")
    .map((o) => `${o.kind}/${o.metadata.name}/${o.metadata.namespace}`).sort();
  assert.deepEqual(added, ["PrometheusRule/integration-hub/integration-hub", "ServiceMonitor/intake/integration-hub",
    "ServiceMonitor/processor/integration-hub"]);
});

test("each ServiceMonitor selects its Service by labels and a port the Service names", () => {
  for (const sm of monitored.filter((o) => o.kind === "ServiceMonitor")) {
    const services = monitored.filter((o) => o.kind === "Service"
      && Object.entries(sm.spec.selector.matchLabels).every(([k, v]) => o.metadata.labels?.[k] === v));
    assert.equal(services.length, 1, `ServiceMonitor/${sm.metadata.name}`);
    for (const endpoint of sm.spec.endpoints) {
      assert.ok(services[0].spec.ports.some((p) => p.name === endpoint.port), endpoint.port);
      assert.equal(endpoint.path, "/q/metrics");
    }
  }
});

test("a ServiceMonitor that breaks the Prometheus Operator's schema fails", async () => {
  const objects = structuredClone(monitored);
  objects.find((o) => o.kind === "ServiceMonitor").spec.endpoints = "http";
  const problems = await check(objects, readme);
  assert.equal(problems.length, 1, problems.join("\n"));
  assert.match(problems[0], /ServiceMonitor\/intake: invalid/);
});

test("a PrometheusRule whose rules differ from alerts.yml fails", async () => {
  const objects = structuredClone(monitored);
  objects.find((o) => o.kind === "PrometheusRule").spec.groups[0].rules[0].for = "1m";
  const problems = await check(objects, readme);
  assert.deepEqual(problems, ["overlay: PrometheusRule/integration-hub: its rule groups differ from deploy/monitoring/prometheus/alerts.yml"]);
});
