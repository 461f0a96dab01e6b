/**
 * Reading and writing: the positioned problem and error types shared by every reader, and the
 * bundled catalogs.
 */
package org.citykpi.io;
