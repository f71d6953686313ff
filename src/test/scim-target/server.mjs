// SCIM 2.0 server for Grantflow's interoperability tests: SCIMMY and scimmy-routers on express, with Users and
// Groups kept in memory until the process exits.
//
// Usage: node server.mjs [--port N] [--token T] [--exit-with-parent]
//   --port              TCP port on 127.0.0.1, 0 for a free port (default: SCIM_PORT, else 0)
//   --token             bearer token that every SCIM request must present (default: SCIM_TOKEN, required)
//   --exit-with-parent  exit when standard input closes, so the server stops when the process that started it dies
//
// Prints "LISTENING <port>" on standard output once it accepts connections, and logs errors on standard error.

import { randomUUID } from "node:crypto";
import http from "node:http";
import process from "node:process";
import { parseArgs } from "node:util";

import express from "express";
import SCIMMY from "scimmy";
import SCIMMYRouters from "scimmy-routers";

const SCIM_PATH = "/scim/v2";

const { values: options } = parseArgs({
    options: {
        port: { type: "string", default: process.env.SCIM_PORT ?? "0" },
        token: { type: "string", default: process.env.SCIM_TOKEN },
        "exit-with-parent": { type: "boolean", default: false },
    },
});

const port = Number(options.port);
if (!/^\d+$/.test(options.port) || port > 65535) {
    fail(`Port '${options.port}' is invalid. Pass --port or SCIM_PORT with a number from 0 to 65535.`);
}
if (!options.token) {
    fail("The bearer token is missing. Pass --token or set SCIM_TOKEN.");
}
const expectedAuthorization = `Bearer ${options.token}`;

const users = new Map();
const groups = new Map();

// Copies a SCIMMY schema instance into a plain object without schemas and meta, which SCIMMY adds on output.
function toRecord(instance) {
    const { schemas, meta, ...attributes } = JSON.parse(JSON.stringify(instance));
    return attributes;
}

function notFound(resource) {
    return new SCIMMY.Types.Error(404, null, `Resource ${resource.id} not found`);
}

// Stores a created or replaced resource. A write with an id replaces every attribute, as RFC 7644 section 3.5.1
// allows for PUT, and SCIMMY also sends the whole patched resource here for PATCH.
function store(collection, resource, attributes) {
    const now = new Date().toISOString();
    if (resource.id) {
        const existing = collection.get(resource.id);
        if (!existing) {
            throw notFound(resource);
        }
        const replaced = { ...attributes, id: resource.id, meta: { created: existing.meta.created, lastModified: now } };
        collection.set(resource.id, replaced);
        return replaced;
    }
    const created = { ...attributes, id: randomUUID(), meta: { created: now, lastModified: now } };
    collection.set(created.id, created);
    return created;
}

function read(collection, resource) {
    if (resource.id) {
        const record = collection.get(resource.id);
        if (!record) {
            throw notFound(resource);
        }
        return record;
    }
    const all = [...collection.values()];
    return resource.filter ? resource.filter.match(all) : all;
}

function remove(collection, resource) {
    if (!collection.delete(resource.id)) {
        throw notFound(resource);
    }
}

// userName is case-insensitive and unique across the server (RFC 7643, section 4.1.1).
function requireUniqueUserName(userName, ownId) {
    const lowerCaseName = userName.toLowerCase();
    for (const user of users.values()) {
        if (user.id !== ownId && user.userName.toLowerCase() === lowerCaseName) {
            throw new SCIMMY.Types.Error(409, "uniqueness", `userName ${userName} is already in use`);
        }
    }
}

// Drops repeated members and rejects members that name no existing user or group.
function checkedMembers(members = []) {
    const byValue = new Map();
    for (const member of members) {
        if (!users.has(member.value) && !groups.has(member.value)) {
            throw new SCIMMY.Types.Error(400, "invalidValue", `Member ${member.value} is not an existing user or group`);
        }
        byValue.set(member.value, member);
    }
    return [...byValue.values()];
}

SCIMMY.Resources.declare(SCIMMY.Resources.User, {
    ingress: (resource, instance) => {
        const attributes = toRecord(instance);
        requireUniqueUserName(attributes.userName, resource.id);
        return store(users, resource, attributes);
    },
    egress: (resource) => read(users, resource),
    degress: (resource) => {
        remove(users, resource);
        for (const group of groups.values()) {
            group.members = group.members?.filter((member) => member.value !== resource.id);
        }
    },
});

SCIMMY.Resources.declare(SCIMMY.Resources.Group, {
    ingress: (resource, instance) => {
        const attributes = toRecord(instance);
        attributes.members = checkedMembers(attributes.members);
        return store(groups, resource, attributes);
    },
    egress: (resource) => read(groups, resource),
    degress: (resource) => remove(groups, resource),
});

const app = express();
app.disable("x-powered-by");
app.use(SCIM_PATH, new SCIMMYRouters({
    type: "bearer",
    handler: (request) => {
        if (request.header("Authorization") !== expectedAuthorization) {
            throw new Error("The bearer token is missing or invalid.");
        }
        return "grantflow";
    },
}));

// scimmy-routers sends the error response itself and passes only errors with status 500 or more on, for logging.
app.use((error, request, response, next) => {
    console.error(`${request.method} ${request.originalUrl} failed:`, error);
    if (!response.headersSent) {
        response.status(500).end();
    }
});

const server = http.createServer(app);
server.on("error", (error) => fail(`The server failed: ${error.message}`));
server.listen(port, "127.0.0.1", () => {
    console.log(`LISTENING ${server.address().port}`);
});

function shutdown() {
    server.close(() => process.exit(0));
    server.closeAllConnections();
}

process.on("SIGTERM", shutdown);
process.on("SIGINT", shutdown);
if (options["exit-with-parent"]) {
    process.stdin.on("end", shutdown);
    process.stdin.on("error", shutdown);
    process.stdin.resume();
}

function fail(message) {
    console.error(message);
    process.exit(2);
}
