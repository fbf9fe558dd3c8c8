// @name graph.neighbour-counts
// @mode read
// @param id: string -- uid of the entity
// @returns type, direction, count for every relationship type of the model with at least one relationship
// Written out per type so that each count is answered from the node's degree store, not by walking the
// relationships: this is what keeps a provider with 50,000 domains cheap to inspect. A unit test checks that
// every relationship type of server/domain/model.ts is listed here.
MATCH (n:Entity {uid: $id})
UNWIND [
  {type: 'HOLDS', direction: 'out', count: COUNT { (n)-[:HOLDS]->() }},
  {type: 'HOLDS', direction: 'in', count: COUNT { (n)<-[:HOLDS]-() }},
  {type: 'CONTROLS', direction: 'out', count: COUNT { (n)-[:CONTROLS]->() }},
  {type: 'CONTROLS', direction: 'in', count: COUNT { (n)<-[:CONTROLS]-() }},
  {type: 'SENT', direction: 'out', count: COUNT { (n)-[:SENT]->() }},
  {type: 'SENT', direction: 'in', count: COUNT { (n)<-[:SENT]-() }},
  {type: 'TO', direction: 'out', count: COUNT { (n)-[:TO]->() }},
  {type: 'TO', direction: 'in', count: COUNT { (n)<-[:TO]-() }},
  {type: 'VIA', direction: 'out', count: COUNT { (n)-[:VIA]->() }},
  {type: 'VIA', direction: 'in', count: COUNT { (n)<-[:VIA]-() }},
  {type: 'SETTLES_TO', direction: 'out', count: COUNT { (n)-[:SETTLES_TO]->() }},
  {type: 'SETTLES_TO', direction: 'in', count: COUNT { (n)<-[:SETTLES_TO]-() }},
  {type: 'OPERATES', direction: 'out', count: COUNT { (n)-[:OPERATES]->() }},
  {type: 'OPERATES', direction: 'in', count: COUNT { (n)<-[:OPERATES]-() }},
  {type: 'HOSTED_BY', direction: 'out', count: COUNT { (n)-[:HOSTED_BY]->() }},
  {type: 'HOSTED_BY', direction: 'in', count: COUNT { (n)<-[:HOSTED_BY]-() }},
  {type: 'ACCEPTS', direction: 'out', count: COUNT { (n)-[:ACCEPTS]->() }},
  {type: 'ACCEPTS', direction: 'in', count: COUNT { (n)<-[:ACCEPTS]-() }},
  {type: 'RESOLVES_TO', direction: 'out', count: COUNT { (n)-[:RESOLVES_TO]->() }},
  {type: 'RESOLVES_TO', direction: 'in', count: COUNT { (n)<-[:RESOLVES_TO]-() }},
  {type: 'ANNOUNCED_BY', direction: 'out', count: COUNT { (n)-[:ANNOUNCED_BY]->() }},
  {type: 'ANNOUNCED_BY', direction: 'in', count: COUNT { (n)<-[:ANNOUNCED_BY]-() }},
  {type: 'USES_EMAIL', direction: 'out', count: COUNT { (n)-[:USES_EMAIL]->() }},
  {type: 'USES_EMAIL', direction: 'in', count: COUNT { (n)<-[:USES_EMAIL]-() }},
  {type: 'USES_PHONE', direction: 'out', count: COUNT { (n)-[:USES_PHONE]->() }},
  {type: 'USES_PHONE', direction: 'in', count: COUNT { (n)<-[:USES_PHONE]-() }},
  {type: 'USES_IP', direction: 'out', count: COUNT { (n)-[:USES_IP]->() }},
  {type: 'USES_IP', direction: 'in', count: COUNT { (n)<-[:USES_IP]-() }},
  {type: 'MENTIONS', direction: 'out', count: COUNT { (n)-[:MENTIONS]->() }},
  {type: 'MENTIONS', direction: 'in', count: COUNT { (n)<-[:MENTIONS]-() }},
  {type: 'FILED', direction: 'out', count: COUNT { (n)-[:FILED]->() }},
  {type: 'FILED', direction: 'in', count: COUNT { (n)<-[:FILED]-() }},
  {type: 'REPLACED', direction: 'out', count: COUNT { (n)-[:REPLACED]->() }},
  {type: 'REPLACED', direction: 'in', count: COUNT { (n)<-[:REPLACED]-() }}
] AS c
WITH c
WHERE c.count > 0
RETURN c.type AS type,
       c.direction AS direction,
       c.count AS count
