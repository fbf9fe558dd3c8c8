// @name import.match-ip-candidates
// @mode read
// @param uids: list<string> -- person-like entities an import just wrote
// @param seconds: integer -- how close in time two uses of one IP address must be
// @param perIp: integer -- at most this many other users read per address (shared NAT gateways stay bounded)
// @returns a, b, ip, gapSeconds: two persons that used the same IP address within the window
UNWIND $uids AS uid
MATCH (p:Entity {uid: uid})-[u:USES_IP]->(ip:IPAddress)
WHERE u.at IS NOT NULL
CALL (p, u, ip) {
  MATCH (ip)<-[v:USES_IP]-(q:Entity)
  WHERE q <> p
    AND v.at IS NOT NULL
    AND (q:Person OR q:Buyer OR q:Seller)
  RETURN q, v
  LIMIT toInteger($perIp)
}
WITH p, q, ip, abs(duration.inSeconds(u.at, v.at).seconds) AS gap
WHERE gap <= $seconds
RETURN p.uid AS a,
       q.uid AS b,
       ip.uid AS ip,
       min(gap) AS gapSeconds
