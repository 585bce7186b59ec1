package dev.sluice.cache;

import dev.sluice.core.SiteId;

/** Each purge primitive, aimed at {@code /blog/a} tagged {@code t1} on site acme/www. */
enum Primitive {
    KEY {
        @Override
        void purge(CacheStore store, PurgeMode mode, long seq) {
            store.purgeKey(new CacheKey(SITE, "/blog/a"), mode, seq);
        }
    },
    TAG {
        @Override
        void purge(CacheStore store, PurgeMode mode, long seq) {
            store.purgeTag(SITE, "t1", mode, seq);
        }
    },
    SITE_WIDE {
        @Override
        void purge(CacheStore store, PurgeMode mode, long seq) {
            store.purgeSite(SITE, mode, seq);
        }
    },
    MATCHING {
        @Override
        void purge(CacheStore store, PurgeMode mode, long seq) {
            store.purgeMatching(SITE, t -> t.startsWith("/blog/"), "prefix /blog/", mode, seq);
        }
    };

    static final SiteId SITE = new SiteId("acme", "www");
    static final CacheKey TARGET = new CacheKey(SITE, "/blog/a");

    abstract void purge(CacheStore store, PurgeMode mode, long seq);
}
