package uk.rcc.security;

/** A signed-in principal, local or from OpenID Connect, that knows its role and council. */
public interface HasViewer {
    Viewer viewer();
}
