# PostgreSQL 15 with the HypoPG extension (hypothetical indexes for the index advisor).
FROM postgres:15-bookworm
RUN apt-get update \
    && apt-get install -y --no-install-recommends postgresql-15-hypopg \
    && rm -rf /var/lib/apt/lists/*
