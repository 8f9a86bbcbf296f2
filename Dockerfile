# syntax=docker/dockerfile:1
# rgym: build with `docker build -t reasoning_gym-env:latest .` (the tag the upstream
# client examples start), run with `docker run -p 8000:8000 reasoning_gym-env:latest`.
# The build context has no .git (.dockerignore): pass the commit for
# rgym_build_info with `--build-arg GIT_SHA=$(git rev-parse HEAD)` ("unknown"
# otherwise), and the repository's URL, if it has one, with
# `--label org.opencontainers.image.source=URL`.

# ---- dependency plan: changes only when a Cargo.toml/Cargo.lock changes ----
FROM rust:1.95-slim-bookworm AS chef
RUN cargo install cargo-chef --locked --version 0.1.71
# tikv-jemalloc-sys builds jemalloc with make, which the slim image lacks.
RUN apt-get update \
    && apt-get install -y --no-install-recommends make \
    && rm -rf /var/lib/apt/lists/*
WORKDIR /src

FROM chef AS planner
COPY . .
RUN cargo chef prepare --recipe-path recipe.json

# ---- build: dependencies first (cached layer), then the workspace ----
FROM chef AS builder
COPY --from=planner /src/recipe.json recipe.json
RUN cargo chef cook --profile release-lto --recipe-path recipe.json --bin rgym
COPY . .
# After the dependency layer, so a new commit does not rebuild the dependencies.
ARG GIT_SHA=
ENV RGYM_GIT_SHA=${GIT_SHA}
RUN cargo build --profile release-lto --locked --bin rgym \
    && strip target/release-lto/rgym

# ---- runtime: slim base, non-root, config baked in ----
FROM debian:bookworm-slim AS runtime
ARG VERSION=0.1.0
LABEL org.opencontainers.image.title="rgym" \
      org.opencontainers.image.description="reasoning-gym tasks for AI agents over the OpenEnv protocol, in Rust" \
      org.opencontainers.image.version="${VERSION}" \
      org.opencontainers.image.licenses="Apache-2.0"
# A fixed uid/gid pair that exists in /etc/passwd and /etc/group, so that
# volumes can be chowned to it and tools that look the user up find it.
RUN groupadd --system --gid 10001 rgym \
    && useradd --system --uid 10001 --gid rgym --no-create-home --shell /usr/sbin/nologin rgym
COPY --from=builder /src/target/release-lto/rgym /usr/local/bin/rgym
COPY config/ /etc/rgym/
USER 10001:10001
ENV RGYM_HOST=0.0.0.0 RGYM_PORT=8000
EXPOSE 8000
HEALTHCHECK --interval=10s --timeout=3s --start-period=5s --retries=3 \
    CMD ["/usr/local/bin/rgym", "health", "--url", "http://127.0.0.1:8000/health"]
# The entrypoint serves by itself: some OpenEnv providers run the image's
# ENTRYPOINT with no arguments. Other subcommands: --entrypoint /usr/local/bin/rgym.
ENTRYPOINT ["/usr/local/bin/rgym", "serve"]
CMD ["--config", "/etc/rgym/default.toml"]
