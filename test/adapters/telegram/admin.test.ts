/**
 * Admin rights on Telegram: asked to the Bot API (getChatMember) on every admin command, never cached.
 */
import { afterAll, beforeAll, expect, test } from "vitest";
import { GROUP_ANONYMOUS_BOT_ID } from "../../../src/adapters/telegram/admin.ts";
import type { FakeChat, FakeUser } from "../../fakes/telegram-api.ts";
import { alice, ask, channel, type Harness, privateChat, startHarness } from "./harness.ts";

const supergroup: FakeChat = { id: -100555, type: "supergroup", title: "Club Astana" };
const bob: FakeUser = { id: 1003, first_name: "Daulet", language_code: "fr" };
const owner: FakeUser = { id: 4242, first_name: "Propriétaire" };
const anonymousBot: FakeUser = {
  id: GROUP_ANONYMOUS_BOT_ID,
  is_bot: true,
  first_name: "Group",
  username: "GroupAnonymousBot",
};
const otherChannel: FakeChat = { id: -100777, type: "channel", title: "Chaîne tierce" };
const linkedChannel: FakeChat = { id: -100888, type: "channel", title: "Chaîne liée" };

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
  h.fake.setChat(supergroup.id, { linked_chat_id: linkedChannel.id });
});
afterAll(async () => {
  await h.stop();
});

const OK = "droits admin confirmés";
const REFUSED = "réservée aux administrateurs";
const memberCalls = () => h.fake.sent("getChatMember").length;

test("getChatMember is asked on every call: member refused, then promoted, then demoted", async () => {
  const before = memberCalls();
  expect((await ask(h, supergroup, bob, "/adminprobe")).text).toContain(REFUSED);
  h.fake.setRole(supergroup.id, bob.id, "administrator");
  expect((await ask(h, supergroup, bob, "/adminprobe")).text).toContain(OK);
  h.fake.setRole(supergroup.id, bob.id, "creator");
  expect((await ask(h, supergroup, bob, "/adminprobe")).text).toContain(OK);
  h.fake.setRole(supergroup.id, bob.id, "member");
  expect((await ask(h, supergroup, bob, "/adminprobe")).text).toContain(REFUSED);
  expect(memberCalls() - before).toBe(4);
  const last = h.fake.sent("getChatMember").at(-1);
  expect(last?.payload).toMatchObject({ chat_id: supergroup.id, user_id: bob.id });
});

test("public commands do not ask for rights", async () => {
  const before = memberCalls();
  await ask(h, supergroup, bob, "/latest 1");
  expect(memberCalls()).toBe(before);
});

test("owners from config are admins everywhere without asking", async () => {
  const before = memberCalls();
  expect((await ask(h, supergroup, owner, "/adminprobe")).text).toContain(OK);
  expect(memberCalls()).toBe(before);
});

test("an anonymous group admin (sender_chat = the group) is an admin", async () => {
  const before = memberCalls();
  const c = await ask(h, supergroup, anonymousBot, "/adminprobe", { senderChat: supergroup });
  expect(c.text).toContain(OK);
  expect(memberCalls()).toBe(before);
});

test("posting as an unrelated channel gives no rights; the group's linked channel does", async () => {
  const channelBot: FakeUser = { id: 136817688, is_bot: true, first_name: "Channel" };
  const refused = await ask(h, supergroup, channelBot, "/adminprobe", { senderChat: otherChannel });
  expect(refused.text).toContain(REFUSED);
  const linked = await ask(h, supergroup, channelBot, "/adminprobe", { senderChat: linkedChannel });
  expect(linked.text).toContain(OK);
});

test("in a private chat the user administers their own chat", async () => {
  expect((await ask(h, privateChat, alice, "/adminprobe")).text).toContain(OK);
});

test("a channel post comes from a channel admin", async () => {
  h.fake.channelPost(channel, "/adminprobe");
  const c = await h.fake.waitForCall("sendMessage", (x) => x.payload.chat_id === channel.id);
  expect(c.text).toContain(OK);
});

test("when getChatMember fails, the answer is no (and the bot still replies)", async () => {
  const g: FakeChat = { id: -100999, type: "supergroup", title: "Panne" };
  h.fake.setRole(g.id, bob.id, "administrator");
  h.fake.failNext("getChatMember", { error_code: 400, description: "Bad Request: user not found" });
  expect((await ask(h, g, bob, "/adminprobe")).text).toContain(REFUSED);
  expect((await ask(h, g, bob, "/adminprobe")).text).toContain(OK);
});
