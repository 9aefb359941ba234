/** The service: jobs, HTTP API, storage, accounts, webhooks and the command line. */
package io.anim3d.server;
