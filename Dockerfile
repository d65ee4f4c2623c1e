# sohoa: one image for the API server (`sohoa serve`) and the workers (`sohoa worker`).
# Everything it needs at run time is inside: the Vietnamese OCR model comes in through npm
# (@tesseract.js-data/vie), the language model and dictionaries from dictionaries/, fonts with
# Vietnamese coverage from Debian. Nothing is fetched at run time.
#
#   docker build -t sohoa .
#   docker compose up --scale worker=4
FROM node:20-bookworm-slim

# fonts-liberation2 / fonts-dejavu-core: the web page serves these to browsers (Vietnamese
# coverage); tini: PID 1 that forwards SIGTERM so workers finish their jobs before stopping;
# libturbojpeg0: scanned pages' JPEGs decoded by libjpeg-turbo (src/pdf/turbojpeg.ts), 5–8× less
# CPU than the canvas's decoder, which is used without it.
RUN apt-get update \
 && apt-get install -y --no-install-recommends fonts-liberation2 fonts-dejavu-core tini ca-certificates libturbojpeg0 \
 && rm -rf /var/lib/apt/lists/*

WORKDIR /app
ENV NODE_ENV=production \
    NPM_CONFIG_UPDATE_NOTIFIER=false \
    NPM_CONFIG_FUND=false

# Dependencies first (cached while only sources change). No install script is needed: native
# parts (@napi-rs/canvas, koffi, esbuild for tsx) come as prebuilt optional packages.
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --ignore-scripts --no-audit \
 && npm cache clean --force

COPY bin ./bin
COPY src ./src
COPY pipelines ./pipelines
COPY dictionaries ./dictionaries
COPY schema ./schema
COPY tsconfig.json ./

# Shared storage (uploads, page parts, results): a volume shared by the API and every worker.
RUN mkdir -p /data/storage && chown -R node:node /data
VOLUME ["/data/storage"]
ENV SOHOA_STORAGE=/data/storage \
    REDIS_URL=redis://redis:6379 \
    HOST=0.0.0.0 \
    PORT=8080
USER node
EXPOSE 8080

ENTRYPOINT ["/usr/bin/tini", "--", "node", "bin/sohoa.js"]
CMD ["serve"]
