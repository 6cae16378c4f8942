"""From the content folder to the model: safe file reading, front matter, site.toml, pictures,
sections and quiz files, each problem a finding with file and line."""
