// The consumer build passed; check that its test really ran (a surefire that finds no test, or an
// unsupported JUnit, still ends in BUILD SUCCESS). The expected numbers are in MainTest.
def report = new File(basedir, 'target/surefire-reports/TEST-org.citykpi.consumer.MainTest.xml')
assert report.isFile() : "no test report: $report"
def suite = new groovy.xml.XmlSlurper().parse(report)
assert suite.@tests.toInteger() == 1 : "tests run: ${suite.@tests}"
assert suite.@failures.toInteger() == 0 && suite.@errors.toInteger() == 0 && suite.@skipped.toInteger() == 0
return true
