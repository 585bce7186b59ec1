package dev.sluice.it;

import java.net.URI;

/** Requests to a node's edge, for one site's Host name. */
record EdgeClient(URI base, String host) {

    static EdgeClient of(RunningNode node, SiteSpec site) {
        return new EdgeClient(node.edge(), site.host());
    }

    Reply get(String path) {
        return Http.send(
                Http.request(URI.create(base + path)).header("Host", host).GET().build());
    }
}
