// Drives the official @trigger.dev/sdk against a Tasks.Sdk server whose C# worker runs the tasks.
// Prints one JSON object: what the SDK returned for each scenario. The C# tests assert on it.
import { configure, tasks, runs, batch, idempotencyKeys, auth } from "@trigger.dev/sdk";

configure({ baseURL: process.env.TRIGGER_API_URL, secretKey: process.env.TRIGGER_SECRET_KEY });

const results = {};
const poll = (id) => runs.poll(id, { pollIntervalMs: 50 });
const unique = `${Date.now()}-${Math.random().toString(36).slice(2)}`;

async function scenario(name, body) {
  try {
    results[name] = await body();
  } catch (error) {
    results[name] = { thrown: `${error?.constructor?.name}: ${error?.message}`, status: error?.status };
  }
}

await scenario("trigger", async () => {
  const key = `order-${unique}`;
  const options = {
    tags: ["compat", "node"], idempotencyKey: key, metadata: { source: "node" }, queue: "compat-queue",
    concurrencyKey: "user-1", maxAttempts: 2, ttl: "10m",
  };
  const handle = await tasks.trigger("hello", { name: "node", when: new Date(0) }, options);
  const again = await tasks.trigger("hello", { name: "node", when: new Date(0) }, options);
  const run = await poll(handle.id);
  return {
    id: handle.id, sameRunForSameKey: again.id === handle.id, hasPublicToken: typeof handle.publicAccessToken === "string",
    status: run.status, output: run.output, tags: run.tags, metadata: run.metadata, idempotencyKey: run.idempotencyKey,
    isCompleted: run.isCompleted, isSuccess: run.isSuccess, attemptCount: run.attemptCount, payload: run.payload,
  };
});

await scenario("textPayload", async () => {
  const handle = await tasks.trigger("shout", "quiet please");
  return { output: (await poll(handle.id)).output };
});

await scenario("delayAndReschedule", async () => {
  const handle = await tasks.trigger("hello", { name: "later" }, { delay: "1h" });
  const delayed = await runs.retrieve(handle.id);
  const rescheduled = await runs.reschedule(handle.id, { delay: "1s" });
  const done = await poll(handle.id);
  return { delayedStatus: delayed.status, rescheduledStatus: rescheduled.status, hasDelayedUntil: rescheduled.delayedUntil instanceof Date, finalStatus: done.status };
});

await scenario("batchTrigger", async () => {
  const handle = await tasks.batchTrigger("hello", [{ payload: { name: "a" } }, { payload: { name: "b" } }, { payload: { name: "c" } }]);
  const runIds = (await batch.retrieve(handle.batchId)).runs;
  const outputs = [];
  for (const id of runIds) outputs.push((await poll(id)).output);
  const retrieved = await batch.retrieve(handle.batchId);
  return { runCount: handle.runCount, batchIdPrefix: handle.batchId.slice(0, 6), outputs, status: retrieved.status };
});

await scenario("batchAcrossTasks", async () => {
  const handle = await batch.trigger([{ id: "hello", payload: { name: "x" } }, { id: "square", payload: 7 }]);
  const retrieved = await batch.retrieve(handle.batchId);
  const outputs = [];
  for (const id of retrieved.runs) outputs.push((await poll(id)).output);
  return { runCount: retrieved.runCount, outputs };
});

await scenario("list", async () => {
  const tag = `list-${unique}`;
  for (let i = 0; i < 5; i++) await tasks.trigger("square", i, { tags: [tag] });
  const seen = [];
  for await (const run of runs.list({ tag, limit: 2 })) seen.push(run.id);
  const firstPage = await runs.list({ tag, limit: 2 });
  const completed = [];
  for await (const run of runs.list({ taskIdentifier: "square", tag, status: ["QUEUED", "EXECUTING", "COMPLETED"] })) completed.push(run.status);
  return { total: seen.length, distinct: new Set(seen).size, firstPageSize: firstPage.data.length, hasNext: firstPage.hasNextPage(), filtered: completed.length };
});

await scenario("cancel", async () => {
  const handle = await tasks.trigger("slow", { ms: 60000 });
  for (let i = 0; i < 200 && (await runs.retrieve(handle.id)).status !== "EXECUTING"; i++) await new Promise((r) => setTimeout(r, 25));
  const canceled = await runs.cancel(handle.id);
  const run = await runs.retrieve(handle.id);
  return { canceledId: canceled.id === handle.id, status: run.status, isCancelled: run.isCancelled };
});

await scenario("replay", async () => {
  const handle = await tasks.trigger("hello", { name: "again" });
  await poll(handle.id);
  const replayed = await runs.replay(handle.id);
  const run = await poll(replayed.id);
  return { newId: replayed.id !== handle.id, status: run.status, output: run.output };
});

await scenario("idempotencyReset", async () => {
  const key = `reset-${unique}`;
  const first = await tasks.trigger("square", 3, { idempotencyKey: key });
  const cached = await tasks.trigger("square", 3, { idempotencyKey: key });
  await idempotencyKeys.reset("square", key, { scope: "global" });
  const fresh = await tasks.trigger("square", 3, { idempotencyKey: key });
  return { cachedSame: cached.id === first.id, freshDifferent: fresh.id !== first.id };
});

await scenario("largePayload", async () => {
  const text = "x".repeat(200 * 1024);
  const handle = await tasks.trigger("measure", { text });
  const run = await poll(handle.id);
  return { status: run.status, output: run.output };
});

await scenario("failure", async () => {
  const handle = await tasks.trigger("fails", { reason: "broken" });
  const run = await poll(handle.id);
  return { status: run.status, isFailed: run.isFailed, errorMessage: run.error?.message, errorName: run.error?.name };
});

await scenario("publicAccessToken", async () => {
  const handle = await tasks.trigger("square", 9);
  await poll(handle.id);
  const other = await tasks.trigger("square", 10);
  const own = await auth.withAuth({ accessToken: handle.publicAccessToken }, () => runs.retrieve(handle.id));
  let otherStatus = "readable";
  try {
    await auth.withAuth({ accessToken: handle.publicAccessToken }, () => runs.retrieve(other.id));
  } catch (error) {
    otherStatus = error?.status ?? String(error);
  }
  return { ownOutput: own.output, otherStatus };
});

await scenario("unknownTask", async () => {
  await tasks.trigger("no-such-task", {});
  return { thrown: null };
});

console.log(JSON.stringify(results));
