/**
 * The SOAP channel: a CXF JAX-WS endpoint generated contract-first from the WSDL in schemas/, which
 * hands every call to the same Camel route as REST and SFTP.
 */
package cn.cpsx.ingestion.soap;
