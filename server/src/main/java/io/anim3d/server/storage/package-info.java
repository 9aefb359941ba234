/**
 * Storage for the REST service: the blob store ({@link io.anim3d.server.storage.BlobStore},
 * files on disk in {@link io.anim3d.server.storage.LocalBlobStore}) holding uploads, job outputs
 * and models under validated keys, with Google-Cloud-Storage-style resumable uploads; and
 * {@link io.anim3d.server.storage.UrlSigner}, which signs and verifies the self-authorising
 * upload/download URLs. Nothing here knows about HTTP.
 */
package io.anim3d.server.storage;
