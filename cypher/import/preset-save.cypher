// @name import.preset-save
// @mode write
// @param name: string -- preset name
// @param json: string -- the preset as JSON (validated before it gets here)
// @param by: string -- who saved it
// @param at: datetime -- when
// @returns name
MERGE (p:MappingPreset {name: $name})
SET p.json = $json, p.updatedBy = $by, p.updatedAt = $at
RETURN p.name AS name
