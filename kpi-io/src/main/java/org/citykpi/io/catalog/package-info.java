/**
 * The bundled catalogs (U4SSC: 91 KPIs, their variables, rules and published targets) as
 * resources, and their Markdown presentation for people.
 */
package org.citykpi.io.catalog;
