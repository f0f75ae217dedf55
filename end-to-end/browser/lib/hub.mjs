// The hub the browser tests run against (a ./run-local, on the ports of HUB_INTAKE_PORT and
// HUB_PROCESSOR_PORT), spoken to the way partners and operators speak to it: the partner API of the
// intake and the operator API of the processor, with the development keys of the local run.
import assert from 'node:assert/strict';

export const INTAKE = `http://localhost:${process.env.HUB_INTAKE_PORT || 8080}`;
export const PROCESSOR = `http://localhost:${process.env.HUB_PROCESSOR_PORT || 8081}`;

const PARTNER_KEY = 'his-dev-key';   // source system HIS, every interface
const OPERATOR_KEY = 'ops-dev-key';

/** Polls `probe` until it answers something truthy, at most `timeoutMs`; answers that. */
export async function until(probe, { timeoutMs = 30_000, intervalMs = 250, what = 'the condition' } = {}) {
  const deadline = Date.now() + timeoutMs;
  let last;
  for (;;) {
    last = await probe();
    if (last) return last;
    if (Date.now() > deadline) {
      throw new Error(`${what} did not hold within ${timeoutMs} ms`);
    }
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}

/** A code that no other run of these tests (against a kept database) has used: letters, digits and '-'. */
export function uniqueCode(prefix) {
  uniqueCode.n = (uniqueCode.n || 0) + 1;
  return `${prefix}-${Date.now().toString(36).toUpperCase()}${uniqueCode.n}`;
}

async function call(method, url, key, body) {
  const response = await fetch(url, {
    method,
    headers: { 'X-API-Key': key, ...(body === undefined ? {} : { 'Content-Type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : null };
}

/** The envelope a partner sends, sent now. */
export function envelope(externalId, operation, data, sentAt = new Date()) {
  return { sourceSystem: 'HIS', externalId, operation, sentAt: sentAt.toISOString(), data };
}

/** POST one record through the intake; answers its receipt (asserts 202). */
export async function send(interfaceName, record) {
  const { status, body } = await call('POST', `${INTAKE}/api/v1/interfaces/${interfaceName}/records`, PARTNER_KEY, record);
  assert.equal(status, 202, `the intake refused ${interfaceName} ${record.externalId}: ${JSON.stringify(body)}`);
  return body;
}

/** POST a batch through the intake; answers the receipts (asserts every record was accepted). */
export async function sendBatch(interfaceName, records) {
  const { status, body } = await call('POST', `${INTAKE}/api/v1/interfaces/${interfaceName}/records/batch`,
    PARTNER_KEY, { records });
  assert.equal(status, 200, `the intake refused the ${interfaceName} batch: ${JSON.stringify(body)}`);
  assert.equal(body.rejected, 0, `the intake rejected part of the ${interfaceName} batch: ${JSON.stringify(body)}`);
  return body.results;
}

/** The receipt as the partner sees it. */
export async function receipt(receiptId) {
  const { status, body } = await call('GET', `${INTAKE}/api/v1/receipts/${receiptId}`, PARTNER_KEY);
  assert.equal(status, 200, `receipt ${receiptId}: ${JSON.stringify(body)}`);
  return body;
}

/** Waits until the receipt has left PENDING/PROCESSING; answers it. */
export async function settled(receiptId, timeoutMs = 30_000) {
  return until(async () => {
    const r = await receipt(receiptId);
    return r.status === 'PENDING' || r.status === 'PROCESSING' ? null : r;
  }, { timeoutMs, what: `receipt ${receiptId} being applied` });
}

/** The names the partner API lists, as a partner with every interface sees them. */
export async function interfaceNames() {
  const { status, body } = await call('GET', `${INTAKE}/api/v1/interfaces`, PARTNER_KEY);
  assert.equal(status, 200);
  return body.map((i) => i.name);
}

/** The schedule's job names, from the operator API. */
export async function jobNames() {
  const { status, body } = await call('GET', `${PROCESSOR}/api/v1/admin/jobs`, OPERATOR_KEY);
  assert.equal(status, 200);
  return body.map((j) => j.name);
}

async function setJobEnabled(name, enabled) {
  const { status, body } = await call('PATCH', `${PROCESSOR}/api/v1/admin/jobs/${name}`, OPERATOR_KEY, { enabled });
  assert.equal(status, 200, `PATCH job ${name}: ${JSON.stringify(body)}`);
}

/**
 * Employees that FAIL at the processor because their department is missing, each a receipt in
 * `{employee, department, receiptId}`; `plan` is a list of [employeeCode, departmentCode].
 *
 * How: an UPDATE of a department that was never created is accepted by the intake (it checks fields
 * and references, not history) and FAILS when applied ("no such record"). While it waits in staging,
 * an employee naming that department is accepted too (a reference may name a row still waiting); the
 * processor applies the department first, it fails, and so does the employee, naming it. The intake
 * wakes the processor at once, so the departments' job is paused (operator API) while the two are
 * sent: otherwise the department could fail before the employee arrives, which the intake then
 * refuses (422). The employees' job applies the waiting department itself; the pause ends in any case.
 */
export async function failedEmployees(plan) {
  const departments = [...new Set(plan.map(([, department]) => department))];
  const sentAt = new Date();
  let results;
  await setJobEnabled('process_departments', false);
  try {
    await sendBatch('departments', departments.map((code) =>
      envelope(code, 'UPDATE', { code, name: `Department ${code}` }, sentAt)));
    results = await sendBatch('employees', plan.map(([code, department]) =>
      envelope(code, 'CREATE', { code, name: `Employee ${code}`, departmentCode: department }, sentAt)));
  } finally {
    await setJobEnabled('process_departments', true);
  }
  const failed = [];
  for (const [i, [employee, department]] of plan.entries()) {
    const r = await settled(results[i].receiptId);
    assert.equal(r.status, 'FAILED', `employee ${employee} should have failed for department ${department}: ${JSON.stringify(r)}`);
    assert.match(r.errorMessage, new RegExp(`department ${department}\\b`));
    failed.push({ employee, department, receiptId: r.receiptId });
  }
  return failed;
}

/** The department, created through the intake and applied (asserts PROCESSED). */
export async function createDepartment(code, name = `Department ${code}`) {
  const accepted = await send('departments', envelope(code, 'CREATE', { code, name }));
  const r = await settled(accepted.receiptId);
  assert.equal(r.status, 'PROCESSED', `department ${code}: ${JSON.stringify(r)}`);
  return r;
}
