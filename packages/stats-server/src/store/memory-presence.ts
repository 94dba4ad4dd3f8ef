import type { OnlineCounts, Visit, VisitorKind } from './stats-store.js';

interface Presence {
  lastSeenMs: number;
  name?: string | undefined;
  ipKey?: string | undefined;
}

/**
 * Who is online on one site, in this process. Each map is kept in last-seen order (an
 * update moves its entry to the end), so expiring is dropping entries from the front, and
 * a count is a size.
 */
class SitePresence {
  readonly byKind: Record<VisitorKind, Map<string, Presence>> = { guest: new Map(), member: new Map(), bot: new Map() };
  readonly guestsPerIp = new Map<string, number>();

  expire(cutoffMs: number): void {
    for (const kind of ['guest', 'member', 'bot'] as const) {
      const presences = this.byKind[kind];
      for (const [id, presence] of presences) {
        if (presence.lastSeenMs > cutoffMs) break;
        this.remove(kind, id);
      }
    }
  }

  remove(kind: VisitorKind, id: string): void {
    const presence = this.byKind[kind].get(id);
    if (!presence) return;
    this.byKind[kind].delete(id);
    if (presence.ipKey !== undefined) {
      const left = (this.guestsPerIp.get(presence.ipKey) ?? 1) - 1;
      if (left > 0) this.guestsPerIp.set(presence.ipKey, left);
      else this.guestsPerIp.delete(presence.ipKey);
    }
  }
}

/**
 * Presence for the embedded store. It needs no durability: after a restart every visitor
 * still on the site is back within one heartbeat.
 */
export class MemoryPresence {
  readonly #sites = new Map<string, SitePresence>();

  /** Records a visit's presence, or answers `false` when its IP already has its cap of guests. */
  record(visit: Visit): boolean {
    const site = this.#site(visit.site);
    site.expire(visit.nowMs - visit.windowMs);
    const presences = site.byKind[visit.kind];
    const known = presences.get(visit.id);
    const cap = visit.guestCap;
    if (cap && !known && (site.guestsPerIp.get(cap.ipKey) ?? 0) >= cap.max) return false;

    for (const { kind, id } of visit.supersedes) site.remove(kind, id);
    presences.delete(visit.id);
    presences.set(visit.id, { lastSeenMs: visit.nowMs, name: visit.name, ipKey: known?.ipKey ?? cap?.ipKey });
    if (cap && !known) site.guestsPerIp.set(cap.ipKey, (site.guestsPerIp.get(cap.ipKey) ?? 0) + 1);
    return true;
  }

  online(site: string, nowMs: number, windowMs: number, maxNames: number): OnlineCounts {
    const presence = this.#site(site);
    presence.expire(nowMs - windowMs);
    const memberNames: string[] = [];
    for (const { name } of [...presence.byKind.member.values()].reverse()) {
      if (memberNames.length >= maxNames) break;
      if (name) memberNames.push(name);
    }
    return {
      guests: presence.byKind.guest.size,
      members: presence.byKind.member.size,
      bots: presence.byKind.bot.size,
      memberNames,
    };
  }

  #site(site: string): SitePresence {
    let presence = this.#sites.get(site);
    if (!presence) {
      presence = new SitePresence();
      this.#sites.set(site, presence);
    }
    return presence;
  }
}
