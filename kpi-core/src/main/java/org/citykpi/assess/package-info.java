/**
 * Targets and assessment of values against them: U4SSC attainment and points, and progress over
 * time by the methods in use (Eurostat, Statistics Canada, UNSD, UN ESCAP, SDSN).
 */
package org.citykpi.assess;
