// The check itself: it passes on the real manifests and fails on each kind of breakage it exists for.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { check, overlays, render, root } from "./validate.mjs";

const readme = readFileSync(join(root, "README.md"), "utf8");
const prod = render(join(root, "deploy/k8s/overlays/prod"));

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
