package org.integrationhub.common.registry;

/**
 * One interface, declared: a class with a public no-argument constructor, listed in
 * {@code META-INF/services/org.integrationhub.common.registry.InterfaceDeclaration}, which is the registry's
 * only list. Everything else (intake validation, JSON Schema, OpenAPI, the applier, the read API, the
 * processing job) derives from what it answers. See docs/adding-an-interface.md and docs/adr/0001.
 */
public interface InterfaceDeclaration {

    /** The interface, built with {@link InterfaceDefinition#named}. */
    InterfaceDefinition definition();
}
