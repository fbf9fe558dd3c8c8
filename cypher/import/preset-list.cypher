// @name import.preset-list
// @mode read
// @returns name, json: presets saved from the UI
MATCH (p:MappingPreset)
RETURN p.name AS name, p.json AS json
ORDER BY name
