# Multi-stage build of the dbooster server.
FROM swift:6.3-bookworm AS build
RUN apt-get update \
    && apt-get install -y --no-install-recommends libpg-query-dev libargon2-dev pkg-config libssl-dev zlib1g-dev \
       python3 python3-pip \
    && rm -rf /var/lib/apt/lists/*
WORKDIR /src
COPY scripts/swagger-ui.sh ./scripts/
RUN scripts/swagger-ui.sh /staging/swagger-ui
COPY Package.swift ./
RUN swift package resolve
COPY Sources ./Sources
COPY Tests ./Tests
RUN swift build -c release --product dbooster --static-swift-stdlib \
    && bin="$(swift build -c release --show-bin-path)" \
    && mkdir -p /staging \
    && cp "$bin/dbooster" /staging/ \
    && cp -R "$bin/dbooster_App.resources" /staging/

FROM debian:bookworm-slim
RUN apt-get update \
    && apt-get install -y --no-install-recommends libpg-query1504.0 libargon2-1 zlib1g gzip ca-certificates tzdata \
    && rm -rf /var/lib/apt/lists/* \
    && useradd --system --home /app dbooster
WORKDIR /app
COPY --from=build /staging/ /app/
COPY Migrations /app/Migrations
ENV DBOOSTER_MIGRATIONS=/app/Migrations SWAGGER_UI_DIR=/app/swagger-ui
USER dbooster
EXPOSE 8000
ENTRYPOINT ["/app/dbooster"]
CMD ["serve", "--host", "0.0.0.0", "--port", "8000"]
